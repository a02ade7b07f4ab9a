// What a member can do to a message: react, flag it with a reason, reply, and (their own)
// edit or delete; the group's staff also pin and delete. Each is one frame to the server,
// whose answer comes back as the changed message.
import * as socket from '../socket.js';
import { actionButton, composer, flagReasonOptions, groupId, myName, peerMentor, reactions, staff, text, words } from './page.js';

const pinWords = document.getElementById('pinned').dataset;
const replying = document.getElementById('replying');
let replyTo = null;

/**
 * Sends a change to a message (react, edit, delete, flag, pin, unpin).
 * @param command the change, without its request id
 */
export function change(command) {
	command.requestId = crypto.randomUUID();
	socket.publish('/app/groups/' + groupId + '/change', JSON.stringify(command));
}

/**
 * Appends the reactions given so far under a message, and puts what this person may do to
 * it (react, reply, edit, delete, flag, pin) behind one menu, so that a message carries one
 * control instead of a row of buttons.
 * @param item the message's list item
 * @param message the message
 * @param pinned whether the message is pinned
 */
export function appendActions(item, message, pinned) {
	if (!message.deleted) {
		const given = givenReactions(message);
		if (given) {
			item.append(given);
		}
	}
	const items = document.createElement('div');
	items.className = 'menu-items';
	if (!message.deleted && composer) {
		items.append(reactionBar(message));
	}
	if (composer) {
		const reply = actionButton(words.reply, () => startReply(message));
		reply.setAttribute('aria-label', words.reply + ': ' + message.author);
		items.append(reply);
	}
	// a peer mentor pins a welcome of their own, nobody else's
	if ((staff || (peerMentor && message.author === myName)) && !message.deleted) {
		const pin = actionButton(pinned ? pinWords.unpin : pinWords.pin,
			() => change({ kind: pinned ? 'unpin' : 'pin', messageId: message.id }));
		pin.classList.add('pin');
		pin.setAttribute('aria-label', pin.textContent + ': ' + message.author);
		items.append(pin);
	}
	if (composer && !message.deleted && (message.author === myName || staff)) {
		if (message.author === myName) {
			items.append(actionButton(words.edit, () => startEdit(item, message)));
		}
		items.append(actionButton(words.delete, () => change({ kind: 'delete', messageId: message.id })));
	}
	if (composer && !message.deleted && message.author !== myName) {
		items.append(actionButton(words.flag, () => startFlag(item, message)));
	}
	if (items.childElementCount > 0) {
		item.prepend(menu(items, message));
	}
}

function menu(items, message) {
	const menu = document.createElement('details');
	menu.className = 'menu';
	const summary = document.createElement('summary');
	summary.textContent = '⋯';
	summary.setAttribute('aria-label', words.actions.replace('{0}', message.author));
	menu.append(summary, items);
	// choosing an action closes the menu; so do Escape and a click elsewhere
	items.addEventListener('click', (event) => {
		if (event.target.closest('button') && !event.target.closest('.reactions')) {
			menu.open = false;
		}
	});
	menu.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && menu.open) {
			menu.open = false;
			summary.focus();
		}
	});
	return menu;
}

document.addEventListener('click', (event) => {
	document.querySelectorAll('#messages details.menu[open]').forEach((open) => {
		if (!open.contains(event.target)) {
			open.open = false;
		}
	});
});

function givenReactions(message) {
	const emoji = reactions.filter((each) => message.reactions && message.reactions[each] && message.reactions[each].length);
	if (emoji.length === 0) {
		return null;
	}
	const bar = document.createElement('span');
	bar.className = 'reaction-counts';
	emoji.forEach((each) => bar.append(reactionButton(message, each)));
	return bar;
}

function reactionButton(message, emoji) {
	const givers = (message.reactions && message.reactions[emoji]) || [];
	const mine = givers.includes(myName);
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'reaction' + (mine ? ' mine' : '');
	button.setAttribute('aria-pressed', String(mine));
	button.setAttribute('aria-label', words.react.replace('{0}', emoji) + (givers.length ? ' (' + givers.join(', ') + ')' : ''));
	button.textContent = emoji + (givers.length ? ' ' + givers.length : '');
	button.disabled = !composer;
	button.addEventListener('click', () => change({ kind: 'react', messageId: message.id, emoji, on: !mine }));
	return button;
}

function reactionBar(message) {
	const bar = document.createElement('span');
	bar.className = 'reactions';
	reactions.forEach((emoji) => bar.append(reactionButton(message, emoji)));
	return bar;
}

function startEdit(item, message) {
	const editor = document.createElement('form');
	editor.className = 'editor';
	const field = document.createElement('textarea');
	field.setAttribute('aria-label', words.edit);
	field.maxLength = 4000;
	field.value = item.querySelector('.body').textContent;
	editor.append(field, actionButton(words.cancel, () => editor.remove()));
	const save = document.createElement('button');
	save.type = 'submit';
	save.className = 'secondary';
	save.textContent = words.save;
	editor.append(save);
	editor.addEventListener('submit', (event) => {
		event.preventDefault();
		change({ kind: 'edit', messageId: message.id, text: field.value });
		editor.remove();
	});
	item.append(editor);
	field.focus();
}

function startFlag(item, message) {
	if (item.querySelector('.flagger')) {
		return;
	}
	const form = document.createElement('form');
	form.className = 'flagger';
	const field = document.createElement('select');
	field.setAttribute('aria-label', words.flagTitle);
	field.append(flagReasonOptions());
	const send = document.createElement('button');
	send.type = 'submit';
	send.className = 'secondary';
	send.textContent = words.flagSend;
	form.append(field, ' ', send, ' ', actionButton(words.cancel, () => form.remove()));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		change({ kind: 'flag', messageId: message.id, reason: field.value });
		form.remove();
	});
	item.append(form);
	field.focus();
}

function startReply(message) {
	replyTo = message.id;
	replying.hidden = false;
	replying.textContent = words.replying.replace('{0}', message.author) + ' ';
	replying.append(actionButton(words.cancel, () => {
		replyTo = null;
		replying.hidden = true;
	}));
	text.focus();
}

/**
 * The message being replied to, for a message about to be sent; the reply line goes.
 * @return its id, or null
 */
export function takeReplyTo() {
	const id = replyTo;
	replyTo = null;
	replying.hidden = true;
	return id;
}
