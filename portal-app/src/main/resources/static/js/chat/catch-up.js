// Catch-up by sequence number and read markers. syncedSeq: everything up to here has been
// asked of the server; a gap above it (a message missed while away, on another node, or
// held for review) is closed by a catch-up, which returns each stored message once, in
// order. The member's place is saved a second after the list last changed.
import * as socket from '../socket.js';
import { add, isShown, newest, oldest, readUpTo } from './messages.js';
import { groupId } from './page.js';
import { keepingPlace } from './scroll.js';

const olderButton = document.getElementById('chat-older');
let syncedSeq = 0;
let catchingUp = false;
let again = false;
let readTimer = null;

/**
 * Loads a page of stored messages over HTTP: the latest when the page opens, older ones
 * when asked.
 * @param before the sequence number to load below, Number.MAX_SAFE_INTEGER for the latest
 * @return a promise settled when they are shown
 */
export function loadHistory(before) {
	return historyPage(before).then((history) => {
		if (before === Number.MAX_SAFE_INTEGER) {
			readUpTo(history.lastReadSeq);
		}
		history.messages.forEach((message) => {
			add(message, false);
			syncedSeq = Math.max(syncedSeq, message.seq);
		});
		olderButton.hidden = history.messages.length === 0 || oldest() <= 1;
	});
}

/**
 * A page of stored messages: the newest from the page itself the first time (the server
 * wrote it there, saving a round trip on a slow link), otherwise over HTTP.
 * @param before the sequence number to load below, Number.MAX_SAFE_INTEGER for the latest
 * @return a promise of the page
 */
function historyPage(before) {
	const written = document.getElementById('chat-first-page');
	if (written && before === Number.MAX_SAFE_INTEGER) {
		written.remove();
		try {
			return Promise.resolve(JSON.parse(written.textContent));
		}
		catch (ignored) {
			// asked over HTTP below
		}
	}
	const url = '/chat/groups/' + groupId + '/messages' + (before < Number.MAX_SAFE_INTEGER ? '?before=' + before : '');
	return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
		.then((response) => response.json());
}

/**
 * Loads the page of messages above the oldest shown, keeping the member's place.
 * @return a promise settled when they are shown
 */
export function loadOlder() {
	return keepingPlace(() => loadHistory(oldest()));
}

olderButton.addEventListener('click', loadOlder);

/** After a (re)connect: whatever was asked before is lost with the old socket. */
export function catchUpAfterConnect() {
	catchingUp = false;
	catchUp();
}

function catchUp() {
	if (catchingUp) {
		again = true;
		return;
	}
	catchingUp = true;
	again = false;
	socket.publish('/app/groups/' + groupId + '/since', JSON.stringify({ afterSeq: syncedSeq }));
}

/**
 * A catch-up's answer, on {@code /user/queue/history}.
 * @param reply the messages after the sequence number asked for
 */
export function onHistory(reply) {
	catchingUp = false;
	reply.messages.forEach((message) => {
		add(message, true);
		syncedSeq = Math.max(syncedSeq, message.seq);
	});
	if (!reply.upToDate || again) {
		catchUp();
	}
	markRead();
}

/**
 * A message as the group's topic delivers it: new, or changed.
 * @param message the message
 */
export function onLive(message) {
	if (isShown(message.id)) {
		add(message, false);
		return;
	}
	add(message, true);
	if (message.seq === syncedSeq + 1) {
		syncedSeq = message.seq;
	}
	else if (message.seq > syncedSeq + 1) {
		catchUp();
	}
	markRead();
}

function markRead() {
	clearTimeout(readTimer);
	readTimer = setTimeout(() => {
		if (socket.connected()) {
			socket.publish('/app/groups/' + groupId + '/read', JSON.stringify({ afterSeq: newest() }));
		}
	}, 1000);
}
