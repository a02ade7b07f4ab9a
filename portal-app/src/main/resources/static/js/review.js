// Kinship review queue: follows the queues of the groups this person moderates over STOMP
// and reloads the list when something arrives or is decided; counts down the response
// time of urgent escalations.
import * as socket from './socket.js';

const root = document.getElementById('review');
if (root) {
	const live = document.getElementById('review-live');
	const groups = root.dataset.groups ? root.dataset.groups.split(',') : [];

	function refresh(urgent) {
		fetch('/review/items', { credentials: 'same-origin', headers: { Accept: 'text/html' } })
			.then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
			.then((html) => {
				const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('review-items');
				const current = document.getElementById('review-items');
				if (fresh && current) {
					current.replaceWith(fresh);
					tick();
				}
				live.textContent = urgent ? live.dataset.urgent : live.dataset.changed;
			})
			.catch(() => {
				// the next change or a reload shows the queue again
			});
	}

	function tick() {
		document.querySelectorAll('.due').forEach((due) => {
			const left = Number(due.dataset.seconds);
			const minutes = Math.floor(Math.abs(left) / 60);
			const seconds = String(Math.abs(left) % 60).padStart(2, '0');
			const clock = minutes + ':' + seconds;
			due.textContent = left >= 0 ? due.dataset.left.replace('{0}', clock) : due.dataset.late.replace('{0}', clock);
			due.classList.toggle('late', left < 0);
			due.dataset.seconds = String(left - 1);
		});
	}
	setInterval(tick, 1000);
	tick();

	socket.reconnectWithin(2000);
	groups.forEach((groupId) => {
		socket.subscribe('/topic/review/' + groupId, (frame) => refresh(JSON.parse(frame.body).urgent));
	});
	let connectedBefore = false;
	socket.onConnect(() => {
		root.dataset.live = 'true';
		if (connectedBefore) {
			// anything that arrived while the connection was down
			refresh(false);
		}
		connectedBefore = true;
	});
	socket.onClose(() => {
		root.dataset.live = 'false';
	});
}
