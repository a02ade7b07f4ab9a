// A thread: the message that started it and every reply in it, in a dialog over the
// discussion. It opens from a reply's quote or a message's count of replies, follows the
// group's live messages while open, and writes into the thread through the page's composer.
import { render, watchThreads } from './messages.js';
import { sendMessage } from './composer.js';
import { groupId } from './page.js';

const dialog = document.getElementById('thread');
const list = document.getElementById('thread-messages');
const form = document.getElementById('thread-composer');
const field = document.getElementById('thread-text');
const status = document.getElementById('thread-status');
let rootId = null;

function show(message) {
	const item = render(message, 't-', true);
	const old = document.getElementById('t-' + message.id);
	if (old) {
		old.replaceWith(item);
		return;
	}
	const after = Array.from(list.children).find((other) => Number(other.dataset.seq) > message.seq);
	list.insertBefore(item, after || null);
}

/**
 * Opens the thread of a message.
 * @param messageId the thread's first message, or a reply in it
 * @return a promise settled when it is shown
 */
export function openThread(messageId) {
	status.textContent = status.dataset.loading;
	list.replaceChildren();
	if (!dialog.open) {
		dialog.showModal();
	}
	return fetch('/chat/groups/' + groupId + '/threads/' + messageId, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
		.then((response) => {
			if (!response.ok) {
				throw new Error(String(response.status));
			}
			return response.json();
		})
		.then((messages) => {
			rootId = messages[0].id;
			messages.forEach(show);
			status.textContent = '';
			dialog.dataset.root = rootId;
			if (form) {
				field.focus();
			}
		})
		.catch(() => {
			status.textContent = status.dataset.failed;
		});
}

watchThreads((message) => {
	if (rootId !== null && dialog.open && (message.id === rootId || message.threadRoot === rootId)) {
		show(message);
	}
}, openThread);

dialog.addEventListener('close', () => {
	rootId = null;
	delete dialog.dataset.root;
});
document.getElementById('thread-close').addEventListener('click', () => dialog.close());

if (form) {
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		if (rootId !== null && sendMessage(field.value, rootId)) {
			field.value = '';
		}
	});
	field.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && !event.shiftKey) {
			event.preventDefault();
			form.requestSubmit();
		}
	});
}
