// The discussion as the server rendered it: who is looking, the words the script shows (in
// the page's language) and what a member picks from on a message, read once.

const root = document.getElementById('chat');
export const groupId = root.dataset.groupId;
export const groupSlug = root.dataset.groupSlug;
export const myName = root.dataset.myName;
/** the member's time zone and the page's language, for the times shown */
export const zone = root.dataset.zone || 'UTC';
export const locale = root.dataset.locale || undefined;
export const staff = root.dataset.staff === 'true';
/** whether this person is a peer mentor of the group, who may pin their own messages */
export const peerMentor = root.dataset.peerMentor === 'true';
/** the names of the group's peer mentors, whose messages carry a badge */
export const mentors = new Set((root.dataset.mentors || '').split(',').filter((name) => name));
/** the emoji a member may react with, the same list the server accepts */
export const reactions = root.dataset.reactions.split(' ');

export const list = document.getElementById('messages');
/** the labels of the list: data-* attributes of the message list */
export const words = list.dataset;
/** null when this person cannot write here (a reader without a seat) */
export const composer = document.getElementById('composer');
export const text = document.getElementById('composer-text');

/**
 * The reasons to flag a message, as options for a select: value as frames spell it, label in
 * the page's language.
 * @return fresh option elements
 */
export function flagReasonOptions() {
	return document.getElementById('flag-reasons').content.cloneNode(true);
}

/**
 * A button that looks like a link.
 * @param label its text
 * @param onClick what it does
 * @return the button
 */
export function actionButton(label, onClick) {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'link-like';
	button.textContent = label;
	button.addEventListener('click', onClick);
	return button;
}
