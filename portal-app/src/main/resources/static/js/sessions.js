// Kinship live sessions on a group's page: the list is reloaded from the server when the
// group's controls change (chat.js says so) and when a session is due to start or end, so
// that members see a session go live, and an open page counts as attending it.
(function () {
	'use strict';
	let timer = null;

	function region() {
		return document.getElementById('live-sessions');
	}

	function schedule() {
		clearTimeout(timer);
		const current = region();
		const next = current && Number(current.dataset.nextChange);
		if (next) {
			// a second late, so that the server already sees the session as started or ended
			const wait = Math.max(1000, next - Date.now() + 1000);
			timer = setTimeout(() => document.dispatchEvent(new CustomEvent('kinship:controls-due')), Math.min(wait, 2147483647));
		}
	}

	function reload() {
		const current = region();
		if (!current) {
			return;
		}
		fetch('/sessions/groups/' + current.dataset.groupId, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
			.then((response) => (response.ok ? response.text() : null))
			.then((html) => {
				if (html === null) {
					return;
				}
				const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live-sessions');
				const focused = document.activeElement && current.contains(document.activeElement);
				if (fresh && !focused) {
					current.replaceWith(document.importNode(fresh, true));
				}
				schedule();
			});
	}

	document.addEventListener('kinship:controls-changed', reload);
	// without the chat (no seat), nothing tells this page of changes but the clock
	document.addEventListener('kinship:controls-due', () => {
		if (!document.getElementById('chat')) {
			reload();
		}
	});
	schedule();
})();
