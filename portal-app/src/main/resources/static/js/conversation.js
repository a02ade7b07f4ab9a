// Kinship: one private conversation, live. New messages of both sides arrive on the
// conversation's topic; after a reconnect the page reads the list again for what it
// missed. Writing posts the form in the background, and the message arrives like any
// other; without the script the form posts as a page.
import * as socket from './socket.js';
import { showTime } from './times.js';

const root = document.getElementById('conversation');
const form = document.getElementById('conversation-form');
const text = document.getElementById('conversation-text');
const status = document.getElementById('conversation-status');

function list() {
	return document.getElementById('conversation-messages');
}

function add(message) {
	if (document.getElementById('private-' + message.id)) {
		return;
	}
	const empty = document.getElementById('conversation-empty');
	if (empty) {
		empty.remove();
	}
	const item = document.createElement('li');
	item.className = 'message';
	item.id = 'private-' + message.id;
	const author = document.createElement('strong');
	author.className = 'author';
	author.textContent = message.authorName;
	item.append(author, ' ');
	if (message.fromStaff) {
		const badge = document.createElement('span');
		badge.className = 'badge';
		badge.textContent = root.dataset.staffLabel;
		item.append(badge, ' ');
	}
	const time = document.createElement('time');
	time.dateTime = message.createdAt;
	time.textContent = showTime(message.createdAt, root.dataset.zone || 'UTC', root.dataset.locale || undefined);
	item.append(time);
	const body = document.createElement('p');
	body.className = 'body private-body';
	body.textContent = message.text;
	item.append(body);
	list().append(item);
	item.scrollIntoView({ block: 'nearest' });
}

/** Says why a message was not sent, or clears the reason. */
function showProblem(reason) {
	let line = document.getElementById('conversation-problem');
	if (!line) {
		line = document.createElement('p');
		line.id = 'conversation-problem';
		line.className = 'error';
		line.setAttribute('role', 'alert');
		form.before(line);
	}
	line.textContent = reason;
	line.hidden = !reason;
}

function reload() {
	fetch('/conversations/' + root.dataset.conversationId + '/messages', {
		credentials: 'same-origin',
		headers: { Accept: 'text/html' },
	})
		.then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
		.then((html) => {
			const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('conversation-messages');
			if (fresh) {
				list().replaceWith(fresh);
			}
		})
		.catch(() => {
			// the next message or a reload shows the conversation again
		});
}

if (root) {
	socket.reconnectWithin(2000);
	socket.subscribe('/topic/conversations/' + root.dataset.conversationId, (frame) => add(JSON.parse(frame.body)));
	let connectedBefore = false;
	socket.onConnect(() => {
		status.textContent = status.dataset.connected;
		root.dataset.live = 'true';
		if (connectedBefore) {
			reload();
		}
		connectedBefore = true;
	});
	socket.onClose(() => {
		status.textContent = status.dataset.reconnecting;
		root.dataset.live = 'false';
	});
	if (form) {
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			if (!text.value.trim()) {
				return;
			}
			fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
				.then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
				.then((html) => {
					// a refusal comes back as the conversation's page with the reason
					const problem = new DOMParser().parseFromString(html, 'text/html').querySelector('p.error[role="alert"]');
					if (problem) {
						showProblem(problem.textContent);
						return;
					}
					showProblem('');
					text.value = '';
				})
				.catch(() => form.submit());
		});
	}
	text?.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && !event.shiftKey) {
			event.preventDefault();
			form.requestSubmit();
		}
	});
}
