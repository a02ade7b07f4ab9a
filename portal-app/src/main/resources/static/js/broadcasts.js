// Live broadcasts: a member's open page shows a new broadcast at once, in the banner under
// the header (announced politely), in the unread badge and, on a group page, as a pinned
// card. Members who are not online find it at their next page or launch instead.
import * as socket from './socket.js';

const region = document.getElementById('broadcast-banner-region');
if (region) {
	const labels = {
		URGENT: region.dataset.labelUrgent,
		IMPORTANT: region.dataset.labelImportant,
		INFO: region.dataset.labelInfo,
	};

	// A broadcast written in Spanish too comes with both; the page shows the words of its
	// own language.
	function titleOf(broadcast) {
		return (document.documentElement.lang === 'es' && broadcast.titleEs) ? broadcast.titleEs : broadcast.title;
	}

	function link(broadcast, text) {
		const a = document.createElement('a');
		a.href = '/broadcasts/' + broadcast.id;
		a.textContent = text;
		return a;
	}

	function priority(broadcast) {
		const strong = document.createElement('strong');
		strong.className = 'priority';
		strong.textContent = labels[broadcast.priority] || broadcast.priority;
		return strong;
	}

	function showBanner(broadcast) {
		const banner = document.createElement('div');
		banner.id = 'broadcast-banner';
		banner.className = 'broadcast-banner priority-' + broadcast.priority.toLowerCase();
		const title = document.createElement('span');
		title.className = 'title';
		title.textContent = titleOf(broadcast);
		banner.append(priority(broadcast), title, link(broadcast, region.dataset.labelRead));
		region.replaceChildren(banner);
	}

	function countUnread() {
		const badge = document.getElementById('broadcast-unread');
		if (badge) {
			const count = (parseInt(badge.textContent, 10) || 0) + 1;
			badge.textContent = String(count);
			badge.hidden = false;
		}
	}

	function pin(broadcast) {
		const pinned = document.getElementById('pinned-broadcasts');
		if (!pinned) {
			return;
		}
		const card = document.createElement('article');
		card.className = 'card broadcast-card priority-' + broadcast.priority.toLowerCase();
		const heading = document.createElement('h2');
		const title = priority(broadcast);
		title.className = 'priority';
		heading.append(title, link(broadcast, titleOf(broadcast)));
		card.append(heading);
		pinned.prepend(card);
	}

	// "I have read this" over the socket when it is open (one frame instead of a page
	// load); the answer comes once it is stored. Without a socket, or without an answer in
	// time, the form is posted as usual: pressing twice records it once.
	const form = document.getElementById('acknowledge-form');
	let waiting = null;

	function problem(text) {
		let shown = document.getElementById('acknowledge-problem');
		if (!shown) {
			shown = document.createElement('p');
			shown.id = 'acknowledge-problem';
			shown.className = 'error';
			shown.setAttribute('role', 'alert');
			form.before(shown);
		}
		shown.textContent = text;
	}

	function answered(frame) {
		const reply = JSON.parse(frame.body);
		if (!form || String(reply.id) !== form.dataset.broadcastId) {
			return;
		}
		clearTimeout(waiting);
		waiting = null;
		const button = form.querySelector('button');
		if (reply.status === 'ACKNOWLEDGED') {
			const done = document.createElement('p');
			done.id = 'acknowledged';
			done.className = 'notice';
			done.setAttribute('role', 'status');
			done.textContent = reply.text;
			const old = document.getElementById('acknowledge-problem');
			if (old) {
				old.remove();
			}
			form.replaceWith(done);
			// the banner no longer asks for it; the next page shows what else is waiting
			const banner = document.getElementById('broadcast-banner');
			if (banner && banner.querySelector('a[href$="/broadcasts/' + reply.id + '"]')) {
				banner.remove();
			}
		}
		else {
			problem(reply.text);
			button.disabled = false;
		}
	}

	if (form) {
		form.addEventListener('submit', (event) => {
			if (region.dataset.connected !== 'true' || waiting !== null) {
				return;
			}
			event.preventDefault();
			form.querySelector('button').disabled = true;
			socket.publish('/app/broadcasts/' + form.dataset.broadcastId + '/acknowledge', '{}');
			waiting = setTimeout(() => form.submit(), 8000);
		});
	}

	socket.onConnect(() => {
		region.dataset.connected = 'true';
	});
	socket.onClose(() => {
		delete region.dataset.connected;
	});
	socket.subscribe('/user/queue/broadcast-acks', answered);
	socket.subscribe('/user/queue/broadcasts', (frame) => {
		const broadcast = JSON.parse(frame.body);
		showBanner(broadcast);
		countUnread();
		pin(broadcast);
	});
}
