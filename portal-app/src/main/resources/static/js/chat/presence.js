// Presence is the member's choice, kept in this browser; typing is sent at most every three
// seconds and never stored.
import * as socket from '../socket.js';
import { composer, groupId, myName, text } from './page.js';

const showOnline = document.getElementById('show-online');
const onlineLine = document.getElementById('online');
const typingLine = document.getElementById('typing');
let typingSent = 0;
let typingTimer = null;

export function announcePresence() {
	if (socket.connected()) {
		socket.publish('/app/groups/' + groupId + '/presence', JSON.stringify({ visible: showOnline.checked }));
	}
}

/**
 * Who is online and who is typing, on the group's activity topic.
 * @param activity the names
 */
export function onActivity(activity) {
	onlineLine.textContent = activity.online.length ? onlineLine.dataset.label + ' ' + activity.online.join(', ') : '';
	const others = activity.typing.filter((name) => name !== myName);
	typingLine.textContent = others.length ? onlineLine.dataset.typing.replace('{0}', others.join(', ')) : '';
	clearTimeout(typingTimer);
	typingTimer = setTimeout(() => {
		typingLine.textContent = '';
	}, 6000);
}

showOnline.checked = localStorage.getItem('kinship.show-online') === 'yes';
showOnline.addEventListener('change', () => {
	localStorage.setItem('kinship.show-online', showOnline.checked ? 'yes' : 'no');
	announcePresence();
});
setInterval(() => {
	if (showOnline.checked) {
		announcePresence();
	}
}, 30000);
if (composer) {
	text.addEventListener('input', () => {
		if (socket.connected() && Date.now() - typingSent > 3000) {
			typingSent = Date.now();
			socket.publish('/app/groups/' + groupId + '/typing', '{}');
		}
	});
}
