package org.kinship.conversations.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinship.conversations.Conversations;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.realtime.DestinationRule;

import org.springframework.stereotype.Component;

/**
 * The STOMP destinations of private conversations: a conversation's topic only for its
 * member and the staff of its group, asked of the database at every SUBSCRIBE, and the
 * member's own queue of notices. Messages are written over HTTP, so nothing is sent here.
 */
@Component
class ConversationDestinations implements DestinationRule {

	private static final Pattern CONVERSATION_TOPIC = Pattern.compile("/topic/conversations/([0-9]{1,18})");

	private static final String NOTICES = "/user/queue/conversations";

	private final Conversations conversations;

	ConversationDestinations(Conversations conversations) {
		this.conversations = conversations;
	}

	@Override
	public boolean maySubscribe(KinshipPrincipal principal, String destination) {
		if (NOTICES.equals(destination)) {
			return true;
		}
		Matcher topic = CONVERSATION_TOPIC.matcher(destination);
		return topic.matches() && this.conversations.mayFollow(principal, Long.parseLong(topic.group(1)));
	}

}
