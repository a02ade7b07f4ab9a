// Kinship: tells a member on any page, at once, that a group's staff wrote to them in a
// private conversation. The server sends only which conversation; the header's link and
// the banner under it point there.
import * as socket from './socket.js';

const link = document.getElementById('conversations-link');
const unseen = document.getElementById('conversations-unseen');
const banner = document.getElementById('conversation-banner');
const bannerLink = document.getElementById('conversation-banner-link');
const open = document.getElementById('conversation');

if (link && banner) {
	socket.subscribe('/user/queue/conversations', (frame) => {
		const nudge = JSON.parse(frame.body);
		if (open && open.dataset.conversationId === String(nudge.conversationId)) {
			// the conversation is on this page already
			return;
		}
		link.hidden = false;
		unseen.hidden = false;
		unseen.textContent = String(Number(unseen.textContent || '0') + 1);
		bannerLink.href = '/conversations/' + nudge.conversationId;
		banner.hidden = false;
	});
}
