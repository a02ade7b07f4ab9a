// What moderation tells the author: a flag taken, a message held, a facilitator's decision
// about one of their messages, and the crisis panel when a message suggests they may be at
// risk.
import { groupId, text } from './page.js';

const notice = document.getElementById('chat-notice');
const crisis = document.getElementById('crisis');

export function showNotice(textContent) {
	notice.hidden = false;
	notice.textContent = textContent;
}

/**
 * A facilitator's decision about one of this member's messages, said at once.
 * @param decision the notice from {@code /user/queue/notices}
 */
export function onDecision(decision) {
	if (String(decision.groupId) !== String(groupId)) {
		return;
	}
	const key = decision.decision.toLowerCase().replace(/_([a-z])/g, (match, letter) => letter.toUpperCase());
	const said = notice.dataset[key];
	if (said) {
		showNotice(said + (decision.reason ? ' ' + notice.dataset.reason.replace('{0}', decision.reason) : ''));
	}
}

export function showCrisis() {
	// the care-plan panel beside the discussion holds the member's own care team
	document.getElementById('crisis-care-team').hidden = !document.getElementById('careplan-care-team');
	crisis.hidden = false;
	crisis.focus();
}

document.getElementById('crisis-close').addEventListener('click', () => {
	crisis.hidden = true;
	text.focus();
});
