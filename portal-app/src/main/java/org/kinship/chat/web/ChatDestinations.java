package org.kinship.chat.web;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinship.chat.Chat;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.realtime.DestinationRule;

import org.springframework.stereotype.Component;

/**
 * The chat's STOMP destinations: a group's topics (its messages, who is online and
 * typing, its controls) only with a seat in the group, the member's own reply and history
 * queues, and sending to the chat's handlers, which check the seat again.
 */
@Component
class ChatDestinations implements DestinationRule {

	private static final Pattern GROUP_TOPIC = Pattern.compile("/topic/groups/([0-9]{1,18})(/activity|/controls)?");

	private static final Pattern CHAT_SEND = Pattern
		.compile("/app/groups/[0-9]{1,18}/(send|change|since|read|presence|typing)");

	private static final Set<String> OWN_QUEUES = Set.of("/user/queue/replies", "/user/queue/history");

	private final Chat chat;

	ChatDestinations(Chat chat) {
		this.chat = chat;
	}

	@Override
	public boolean maySubscribe(KinshipPrincipal principal, String destination) {
		if (OWN_QUEUES.contains(destination)) {
			return true;
		}
		Matcher topic = GROUP_TOPIC.matcher(destination);
		return topic.matches() && this.chat.mayFollow(principal, Long.parseLong(topic.group(1)));
	}

	@Override
	public boolean maySend(KinshipPrincipal principal, String destination) {
		return CHAT_SEND.matcher(destination).matches();
	}

}
