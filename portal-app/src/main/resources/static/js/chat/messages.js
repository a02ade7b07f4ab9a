// The list of messages: each stored message once, in sequence order, whichever way it came
// (history, catch-up, live, or the answer to one's own send), with a marker above the first
// one not read yet. Messages sent from this page wait in the list as pending until stored.
import { appendActions } from './actions.js';
import { groupSlug, list, locale, mentors, myName, words, zone } from './page.js';
import { showTime } from '../times.js';

/** every stored message shown, by id */
const seen = new Map();
/** this page's messages not yet stored, by client id: { command, element } */
export const pending = new Map();
let oldestSeq = Number.MAX_SAFE_INTEGER;
let lastReadSeq = 0;
let pinnedIds = new Set();
let pinnedChanged = () => {};

let threadWatcher = () => {};
let openThread = () => {};

/**
 * Shows a message as a list item.
 * @param message the message
 * @param idPrefix the item's id before the message's id: 'm-' in the discussion
 * @param inThread whether it is shown in a thread, where the replies' count is not offered
 * @return the item
 */
export function render(message, idPrefix = 'm-', inThread = false) {
	const item = document.createElement('li');
	item.className = 'message';
	item.id = idPrefix + message.id;
	item.dataset.seq = message.seq;
	const author = document.createElement('a');
	author.className = 'author';
	author.href = '/groups/' + encodeURIComponent(groupSlug) + '/profile?name=' + encodeURIComponent(message.author);
	author.textContent = message.author;
	const time = document.createElement('time');
	time.dateTime = message.createdAt;
	time.textContent = showTime(message.createdAt, zone, locale);
	const body = document.createElement('div');
	body.className = 'body';
	if (message.deleted) {
		body.textContent = words.deleted;
	}
	else {
		// sanitized on the server through an allowlist
		body.innerHTML = message.html;
	}
	item.append(author, ' ');
	if (mentors.has(message.author)) {
		const badge = document.createElement('span');
		badge.className = 'badge mentor-badge';
		badge.textContent = words.mentorBadge;
		item.append(badge, ' ');
	}
	item.append(time);
	if (message.quote) {
		item.append(quoteOf(message));
	}
	item.append(body);
	if (message.treatment && !message.deleted) {
		item.append(treatmentTag(message.treatment));
	}
	if (!inThread && message.replies > 0) {
		const replies = document.createElement('button');
		replies.type = 'button';
		replies.className = 'link-like thread-link';
		replies.textContent = (message.replies === 1 ? words.oneReply : words.replies.replace('{0}', message.replies));
		replies.addEventListener('click', () => openThread(message.id));
		item.append(replies);
	}
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
 * The treatment its author tagged a message with, linking to the treatment's page across
 * the reader's groups.
 */
function treatmentTag(treatment) {
	const tag = document.createElement('a');
	tag.className = 'treatment-tag';
	tag.href = '/treatments/' + encodeURIComponent(treatment.rxcui);
	const name = (locale && locale.startsWith('es')) ? treatment.nameEs : treatment.name;
	tag.textContent = words.treatmentTag.replace('{0}', name);
	return tag;
}

/**
 * The message a reply answers, as a button that opens the thread: its author and the start
 * of its text, or that it was removed.
 */
function quoteOf(message) {
	const quote = document.createElement('button');
	quote.type = 'button';
	quote.className = 'quote';
	quote.dataset.quoteOf = message.quote.id;
	const who = document.createElement('span');
	who.className = 'quote-author';
	who.textContent = message.quote.author;
	const excerpt = document.createElement('span');
	excerpt.className = 'quote-text';
	excerpt.textContent = message.quote.removed ? words.removed : message.quote.excerpt;
	const hint = document.createElement('span');
	hint.className = 'visually-hidden';
	hint.textContent = words.openThread;
	quote.append(who, ' ', excerpt, hint);
	quote.addEventListener('click', () => openThread(message.threadRoot || message.quote.id));
	return quote;
}

/**
 * What the thread view does with the discussion's messages.
 * @param watcher called with every message added or changed
 * @param opener called with a thread's first message id to open it
 */
export function watchThreads(watcher, opener) {
	threadWatcher = watcher;
	openThread = opener;
}

/**
 * A message shown in the discussion.
 * @param id its id
 * @return the message, or undefined
 */
export function shown(id) {
	return seen.get(id);
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
	if (message.deleted) {
		document.querySelectorAll('.quote[data-quote-of="' + message.id + '"] .quote-text').forEach((quoted) => {
			quoted.textContent = words.removed;
		});
	}
	threadWatcher(message);
	if (pinnedIds.has(message.id)) {
		pinnedChanged();
	}
}

/**
 * Shows a stored message once, in its place by sequence, or its newer state.
 * @param message the message
 * @param announce whether to tell a screen reader of it, unless it is one's own
 * @param fresh whether it is new since the page loaded, so that its thread counts it
 */
export function add(message, announce, fresh = announce) {
	if (seen.has(message.id)) {
		const known = seen.get(message.id);
		if (known.edited !== message.edited || known.deleted !== message.deleted || JSON.stringify(known.reactions) !== JSON.stringify(message.reactions) || known.html !== message.html) {
			// a change carries no count of replies: the one shown stays
			replace({ ...message, replies: Math.max(known.replies || 0, message.replies || 0) });
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
	threadWatcher(message);
	const root = message.threadRoot && seen.get(message.threadRoot);
	if (fresh && root) {
		replace({ ...root, replies: (root.replies || 0) + 1 });
	}
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
