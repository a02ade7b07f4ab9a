// Where the list of messages stands. It opens at the newest message (or at the first one not
// read yet), follows new messages while the member reads at the bottom, loads older ones as
// the member scrolls up, keeping their place, and offers a jump to the latest when they
// are further up. What is shown and in which order stays the business of messages.js.
import { list } from './page.js';

const latest = document.getElementById('chat-latest');
const emptyBox = document.getElementById('chat-empty-box');
const latestWords = { label: latest.textContent, fresh: latest.dataset.new };
/** how close to the bottom, in pixels, still counts as reading the latest */
const NEAR = 48;
let atBottom = true;
let loadingOlder = false;
let loadOlder = () => Promise.resolve();

function distanceFromBottom() {
	return list.scrollHeight - list.scrollTop - list.clientHeight;
}

/** Scrolls to the newest message. */
export function toLatest() {
	list.scrollTop = list.scrollHeight;
	atBottom = true;
	latest.hidden = true;
	latest.textContent = latestWords.label;
}

/**
 * Shows the list as it opens: at the first unread message when the member has more to
 * read than fits, else at the newest.
 */
export function openAtNewest() {
	const marker = list.querySelector('.new-marker');
	if (marker && list.scrollHeight - marker.offsetTop > list.clientHeight) {
		list.scrollTop = marker.offsetTop;
		atBottom = false;
		latest.hidden = false;
	}
	else {
		toLatest();
	}
	showEmpty();
}

/**
 * Loads the page of messages above the oldest shown, keeping in view what the member was
 * reading.
 * @param load a function that loads the older page, returning a promise
 * @return a promise settled once they are shown
 */
export function keepingPlace(load) {
	const fromBottom = list.scrollHeight - list.scrollTop;
	loadingOlder = true;
	return load().finally(() => {
		list.scrollTop = list.scrollHeight - fromBottom;
		loadingOlder = false;
	});
}

/**
 * Follows the member's scrolling from now on.
 * @param older loads the page of messages above the oldest shown, returning a promise
 */
export function followScrolling(older) {
	loadOlder = older;
	list.addEventListener('scroll', onScroll, { passive: true });
	new MutationObserver(onChange).observe(list, { childList: true });
	// a banner, a notice or the keyboard changing the list's height keeps a reader at the bottom there
	new ResizeObserver(() => {
		if (atBottom) {
			list.scrollTop = list.scrollHeight;
		}
	}).observe(list);
	latest.addEventListener('click', () => {
		toLatest();
		list.focus({ preventScroll: true });
	});
}

function onScroll() {
	atBottom = distanceFromBottom() <= NEAR;
	if (atBottom) {
		latest.hidden = true;
		latest.textContent = latestWords.label;
	}
	else if (latest.hidden) {
		latest.hidden = false;
	}
	const olderButton = document.getElementById('chat-older');
	if (list.scrollTop < 200 && !loadingOlder && olderButton && !olderButton.hidden) {
		loadOlder();
	}
}

function onChange(records) {
	showEmpty();
	if (loadingOlder) {
		return;
	}
	const mineOrAtEnd = records.some((record) => Array.from(record.addedNodes).some((node) => node.nodeType === 1
		&& (node.classList.contains('pending') || (atBottom && node.nextElementSibling === null))));
	if (atBottom || mineOrAtEnd) {
		toLatest();
	}
	else if (records.some((record) => Array.from(record.addedNodes).some((node) => node.nodeType === 1 && node.nextElementSibling === null))) {
		latest.hidden = false;
		latest.textContent = latestWords.fresh;
	}
}

function showEmpty() {
	emptyBox.hidden = list.querySelector('li.message') !== null;
}
