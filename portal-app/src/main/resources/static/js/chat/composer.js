// Sending: each message gets a client id when written and waits in the list as pending; it
// is sent at once when connected and again, under the same client id, after every
// reconnect until the server answers, so that the server stores it once. The answer says
// stored, held for review, or refused (the text goes back into the composer).
import * as socket from '../socket.js';
import { takeReplyTo } from './actions.js';
import { add, pending, replace } from './messages.js';
import { showCrisis, showNotice } from './notices.js';
import { composer, groupId, list, text, words } from './page.js';
import { chosenTreatment, clearTreatment } from './treatments.js';

const errorLine = document.getElementById('composer-error');

function send(command) {
	if (command.treatment) {
		sendOverHttp(command);
		return;
	}
	socket.publish('/app/groups/' + groupId + '/send', JSON.stringify(command));
}

/**
 * A message about a treatment goes over HTTP: the server checks the treatment against the
 * record the session holds now, which the socket's copy of the session, taken when it
 * opened, may predate. The answer is the one the socket would give; the live copy still
 * comes over the socket. Without an answer it stays pending and is sent again, under the
 * same client id, after the next reconnect.
 */
function sendOverHttp(command) {
	const csrf = document.querySelector('input[name="_csrf"]');
	fetch('/chat/groups/' + groupId + '/messages', {
		method: 'POST',
		credentials: 'same-origin',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrf ? csrf.value : '' },
		body: JSON.stringify(command),
	}).then((response) => response.json().then((body) => (response.ok ? body
		: { clientId: command.clientId, outcome: 'REFUSED', reason: body.reason || '' })))
		.then(onReply)
		.catch(() => {
			// no answer: still pending
		});
}

/** After a (re)connect: sends again what is still waiting for an answer. */
export function resendPending() {
	pending.forEach((entry) => send(entry.command));
}

/**
 * The server's answer to a send or a change, on {@code /user/queue/replies}.
 * @param reply the answer
 */
export function onReply(reply) {
	if (reply.outcome === 'CHANGED') {
		replace(reply.message);
		return;
	}
	if (reply.outcome === 'FLAGGED') {
		showNotice(reply.reason);
		return;
	}
	if (reply.crisis) {
		showCrisis();
	}
	const entry = pending.get(reply.clientId);
	if (reply.outcome === 'STORED') {
		if (reply.message) {
			add(reply.message, false, true);
		}
		pending.delete(reply.clientId);
		return;
	}
	if (reply.outcome === 'HELD') {
		// only the author sees a held message, marked as waiting, until a facilitator
		// approves it and it arrives live under the same id; a member who may be in
		// crisis sees only the help panel, and their message as they wrote it
		if (entry) {
			entry.element.textContent = reply.crisis ? entry.command.text : words.held + ': ' + entry.command.text;
			entry.element.className = reply.crisis ? 'message' : 'message held';
			if (reply.message) {
				entry.element.id = 'held-' + reply.message.id;
			}
			pending.delete(reply.clientId);
		}
		if (!reply.crisis) {
			showNotice(reply.reason);
		}
		return;
	}
	if (entry) {
		entry.element.remove();
		pending.delete(reply.clientId);
		if (!text.value) {
			text.value = entry.command.text;
		}
		if (entry.command.treatment) {
			chosenTreatment(entry.command.treatment);
		}
	}
	errorLine.hidden = false;
	errorLine.textContent = reply.reason;
}

/**
 * Sends a message: it waits in the list as pending until the server answers.
 * @param typed the text as typed
 * @param replyTo the message it answers, or null
 * @return whether there was something to send
 */
export function sendMessage(typed, replyTo, treatment = null) {
	const value = typed.trim();
	if (!value) {
		return false;
	}
	errorLine.hidden = true;
	const command = { clientId: crypto.randomUUID(), text: value, replyTo, treatment };
	const element = document.createElement('li');
	element.className = 'message pending';
	element.textContent = words.pending + ' ' + value;
	list.append(element);
	pending.set(command.clientId, { command, element });
	if (socket.connected() || command.treatment) {
		send(command);
	}
	return true;
}

if (composer) {
	composer.addEventListener('submit', (event) => {
		event.preventDefault();
		if (text.value.trim() && sendMessage(text.value, takeReplyTo(), chosenTreatment())) {
			text.value = '';
			clearTreatment();
		}
	});
	text.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && !event.shiftKey) {
			event.preventDefault();
			composer.requestSubmit();
		}
	});
}
