// Kinship group chat: STOMP over WebSocket with acknowledged sends, retries under the same
// client id, and catch-up by sequence number after every (re)connect. This module wires the
// parts in chat/ to the page's one socket; it opens once the latest messages are shown, so
// that the first catch-up starts after them.
import * as socket from './socket.js';
import { catchUpAfterConnect, loadHistory, loadOlder, onHistory, onLive } from './chat/catch-up.js';
import { onReply, resendPending } from './chat/composer.js';
import { controlsChanged, refreshControls } from './chat/controls.js';
import { isShown, oldest, whenPinnedMessageChanges } from './chat/messages.js';
import { onDecision } from './chat/notices.js';
import { groupId } from './chat/page.js';
import { announcePresence, onActivity } from './chat/presence.js';
import { followScrolling, openAtNewest } from './chat/scroll.js';
import { openThread } from './chat/threads.js';
import { offerMentions } from './chat/mentions.js';

const statusLine = document.getElementById('chat-status');

function status(kind) {
	statusLine.textContent = statusLine.dataset[kind];
	statusLine.className = 'chat-status ' + kind;
}

function json(handler) {
	return (frame) => handler(JSON.parse(frame.body));
}

whenPinnedMessageChanges(refreshControls);
document.addEventListener('kinship:controls-due', controlsChanged);
socket.reconnectWithin(2000);
offerMentions(document.getElementById('composer-text'));
offerMentions(document.getElementById('thread-text'));

/**
 * Shows the message a link points at (a search result's ?at=): older pages are loaded until
 * it is in the list, then it is scrolled to and marked.
 */
async function showLinkedMessage() {
	const at = Number(new URLSearchParams(location.search).get('at'));
	if (!at) {
		return;
	}
	for (let pages = 0; !isShown(at) && oldest() > 1 && pages < 100; pages++) {
		const before = oldest();
		await loadHistory(before);
		if (oldest() === before) {
			break;
		}
	}
	const item = document.getElementById('m-' + at);
	if (item) {
		item.classList.add('target');
		item.tabIndex = -1;
		item.scrollIntoView({ block: 'center' });
		item.focus({ preventScroll: true });
	}
}

loadHistory(Number.MAX_SAFE_INTEGER).then(showLinkedMessage).finally(() => {
	if (!new URLSearchParams(location.search).get('at')) {
		openAtNewest();
	}
	followScrolling(loadOlder);
	const thread = /^#thread-([0-9]+)$/.exec(location.hash);
	if (thread) {
		openThread(Number(thread[1]));
	}
	socket.subscribe('/user/queue/replies', json(onReply));
	socket.subscribe('/user/queue/history', json(onHistory));
	socket.subscribe('/user/queue/notices', json(onDecision));
	socket.subscribe('/topic/groups/' + groupId, json(onLive));
	socket.subscribe('/topic/groups/' + groupId + '/activity', json(onActivity));
	socket.subscribe('/topic/groups/' + groupId + '/controls', () => controlsChanged());
	socket.onConnect(() => {
		status('connected');
		refreshControls();
		announcePresence();
		catchUpAfterConnect();
		resendPending();
	});
	socket.onClose((event) => {
		if (event.code === 4003) {
			// suspended or banned: the page, reloaded, says why
			socket.stop();
			location.reload();
			return;
		}
		if (event.code === 4001) {
			// the launch session ended; the socket does not reconnect with a dead session
			status('offline');
			return;
		}
		status('reconnecting');
	});
});
