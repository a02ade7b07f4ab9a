// The list of messages: each stored message once, in sequence order, whichever way it came
// (history, catch-up, live, or the answer to one's own send), with a marker above the first
// one not read yet. Messages sent from this page wait in the list as pending until stored.
import { appendActions } from './actions.js';
import { list, myName, words } from './page.js';

/** every stored message shown, by id */
const seen = new Map();
/** this page's messages not yet stored, by client id: { command, element } */
export const pending = new Map();
let oldestSeq = Number.MAX_SAFE_INTEGER;
let lastReadSeq = 0;
let pinnedIds = new Set();
let pinnedChanged = () => {};

function render(message) {
	const item = document.createElement('li');
	item.className = 'message';
	item.id = 'm-' + message.id;
	item.dataset.seq = message.seq;
	const author = document.createElement('span');
	author.className = 'author';
	author.textContent = message.author;
	const time = document.createElement('time');
	time.dateTime = message.createdAt;
	time.textContent = new Date(message.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
	const body = document.createElement('div');
	body.className = 'body';
	if (message.deleted) {
		body.textContent = words.deleted;
	}
	else {
		// sanitized on the server through an allowlist
		body.innerHTML = message.html;
	}
	item.append(author, ' ', time);
	if (message.replyTo && seen.has(message.replyTo)) {
		const quote = document.createElement('p');
		quote.className = 'in-reply';
		quote.textContent = '↪ ' + seen.get(message.replyTo).author;
		item.append(quote);
	}
	item.append(body);
	if (message.edited) {
		const edited = document.createElement('span');
		edited.className = 'muted';
		edited.textContent = words.edited;
		item.append(edited);
	}
	if (!message.deleted && message.mentions && message.mentions.includes(myName)) {
		item.classList.add('mentions-me');
		const tag = document.createElement('span');
		tag.className = 'badge';
		tag.textContent = '@ ' + words.mentionsYou;
		item.append(' ', tag);
	}
	appendActions(item, message, pinnedIds.has(message.id));
	return item;
}

/**
 * Shows a changed message in place.
 * @param message the message as it is now
 */
export function replace(message) {
	const old = document.getElementById('m-' + message.id);
	seen.set(message.id, message);
	if (old) {
		old.replaceWith(render(message));
	}
	if (pinnedIds.has(message.id)) {
		pinnedChanged();
	}
}

/**
 * Shows a stored message once, in its place by sequence, or its newer state.
 * @param message the message
 * @param announce whether to tell a screen reader of it, unless it is one's own
 */
export function add(message, announce) {
	if (seen.has(message.id)) {
		const known = seen.get(message.id);
		if (known.edited !== message.edited || known.deleted !== message.deleted || JSON.stringify(known.reactions) !== JSON.stringify(message.reactions) || known.html !== message.html) {
			replace(message);
		}
		return;
	}
	seen.set(message.id, message);
	const held = document.getElementById('held-' + message.id);
	if (held) {
		held.remove();
	}
	const mine = pending.get(message.clientId);
	if (mine) {
		mine.element.remove();
		pending.delete(message.clientId);
	}
	const item = render(message);
	const after = Array.from(list.querySelectorAll('li.message')).find((other) => Number(other.dataset.seq) > message.seq);
	if (lastReadSeq > 0 && message.seq > lastReadSeq && !list.querySelector('.new-marker')) {
		const marker = document.createElement('li');
		marker.className = 'new-marker';
		marker.textContent = words.newMarker;
		list.insertBefore(marker, after || null);
	}
	list.insertBefore(item, after || null);
	oldestSeq = Math.min(oldestSeq, message.seq);
	if (announce && !mine) {
		document.getElementById('chat-announcer').textContent = words.announce.replace('{0}', message.author) + ' ' + item.querySelector('.body').textContent;
	}
}

/** @return whether a message with this id is shown */
export function isShown(id) {
	return seen.has(id);
}

/** @return the sequence number of the oldest message shown */
export function oldest() {
	return oldestSeq;
}

/** @return the sequence number of the newest message shown, 0 when none */
export function newest() {
	return Math.max(0, ...Array.from(list.querySelectorAll('li.message')).map((item) => Number(item.dataset.seq || 0)));
}

/**
 * Where the member stopped reading last time: the first message after it gets the marker.
 * @param seq the last sequence number read
 */
export function readUpTo(seq) {
	lastReadSeq = seq;
}

/**
 * Marks the pinned messages, showing again the ones that were or now are pinned.
 * @param ids the ids of the pinned messages
 */
export function showPinned(ids) {
	const before = pinnedIds;
	pinnedIds = new Set(ids);
	new Set([...before, ...pinnedIds]).forEach((id) => {
		const old = document.getElementById('m-' + id);
		if (old && seen.has(id)) {
			old.replaceWith(render(seen.get(id)));
		}
	});
}

/**
 * What to do when a pinned message changes, since the pinned list shows it too.
 * @param callback called without arguments
 */
export function whenPinnedMessageChanges(callback) {
	pinnedChanged = callback;
}
