// The group's controls (pins, lock, slow mode, live sessions) as this person sees them:
// written into the page for the first connection, asked again whenever the server says
// they changed, and after every reconnect.
import { change } from './actions.js';
import { showPinned } from './messages.js';
import { actionButton, groupId, staff, text } from './page.js';

const pinnedRegion = document.getElementById('pinned');
const pinnedList = document.getElementById('pinned-messages');
const composerNotice = document.getElementById('composer-notice');
const sendButton = document.getElementById('composer-send');

export function refreshControls() {
	const written = document.getElementById('chat-controls');
	if (written) {
		written.remove();
		try {
			showControls(JSON.parse(written.textContent));
			return Promise.resolve();
		}
		catch (ignored) {
			// asked over HTTP below
		}
	}
	return fetch('/chat/groups/' + groupId + '/controls', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
		.then((response) => (response.ok ? response.json() : null))
		.then((controls) => {
			if (controls) {
				showControls(controls);
			}
		});
}

function showControls(controls) {
	pinnedList.replaceChildren(...controls.pinned.map((message) => {
		const item = document.createElement('li');
		item.className = 'message pinned-message';
		item.id = 'pinned-' + message.id;
		const author = document.createElement('span');
		author.className = 'author';
		author.textContent = message.author;
		const body = document.createElement('div');
		body.className = 'body';
		// sanitized on the server through an allowlist
		body.innerHTML = message.html;
		item.append(author, body);
		if (staff) {
			item.append(actionButton(pinnedRegion.dataset.unpin, () => change({ kind: 'unpin', messageId: message.id })));
		}
		return item;
	}));
	pinnedRegion.hidden = controls.pinned.length === 0;
	showPinned(controls.pinned.map((message) => message.id));
	composerNotice.textContent = controls.notices.join(' ');
	text.disabled = !controls.mayPost;
	sendButton.disabled = !controls.mayPost;
}

/**
 * The server said the controls changed: show them again, and tell the other scripts of
 * the page (live sessions) so.
 */
export function controlsChanged() {
	refreshControls();
	document.dispatchEvent(new CustomEvent('kinship:controls-changed', { detail: { groupId } }));
}
