// The care-plan panel of a group's page arrives when the health record does: the page shows
// the discussion at once and this module asks for the panel alone, puts it in its place and
// says so to screen readers. When it cannot be loaded the member is told, with a retry; the
// discussion never waits for it. Without JavaScript the place links to the panel's own page.
const place = document.querySelector('[data-careplan-src]');

if (place) {
	const body = place.querySelector('[data-careplan-body]');
	const failed = place.querySelector('[data-careplan-failed]');
	const announce = place.querySelector('[data-careplan-announce]');
	const fallback = place.querySelector('[data-careplan-fallback]');
	const wait = Number(place.dataset.careplanWait) || 60000;
	let loading = false;

	async function read() {
		const stop = new AbortController();
		const timer = setTimeout(() => stop.abort(), wait);
		try {
			const response = await fetch(place.dataset.careplanSrc, {
				credentials: 'same-origin',
				headers: { Accept: 'text/html' },
				signal: stop.signal
			});
			// a redirect means the visit ended (to the launch page), not a panel
			if (!response.ok || response.redirected) {
				throw new Error('care plan: ' + response.status);
			}
			return await response.text();
		}
		finally {
			clearTimeout(timer);
		}
	}

	function say(kind) {
		// emptied first, so that the same words said twice are announced twice
		announce.textContent = '';
		setTimeout(() => { announce.textContent = announce.dataset[kind]; }, 50);
	}

	function showTarget() {
		const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
		if (target && place.contains(target) && target !== place) {
			target.scrollIntoView();
		}
	}

	async function load() {
		if (loading) {
			return;
		}
		loading = true;
		place.setAttribute('aria-busy', 'true');
		failed.hidden = true;
		try {
			// the server escapes everything it puts in the panel; it holds no script
			body.innerHTML = await read();
			say('loaded');
			// the record is now in the session: the composer may offer its medicines
			document.dispatchEvent(new CustomEvent('kinship:record-read'));
			showTarget();
		}
		catch (error) {
			failed.hidden = false;
			if (fallback && fallback.isConnected) {
				fallback.hidden = false;
			}
			say('failed');
		}
		finally {
			place.setAttribute('aria-busy', 'false');
			loading = false;
		}
	}

	place.addEventListener('click', (event) => {
		// "try again" reads the panel again, without reloading the page and its discussion
		if (event.target.closest('[data-careplan-again], #careplan-retry')) {
			event.preventDefault();
			load();
		}
	});
	if (fallback) {
		fallback.hidden = true;
	}
	load();
}
