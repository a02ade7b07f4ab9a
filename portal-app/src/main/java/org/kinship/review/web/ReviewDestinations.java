package org.kinship.review.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinship.chat.Chat;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.realtime.DestinationRule;

import org.springframework.stereotype.Component;

/**
 * The review desk's STOMP destinations: a group's review queue only for its staff, and
 * the member's own queue of decisions about their messages.
 */
@Component
class ReviewDestinations implements DestinationRule {

	private static final Pattern REVIEW_TOPIC = Pattern.compile("/topic/review/([0-9]{1,18})");

	private static final String NOTICES = "/user/queue/notices";

	private final Chat chat;

	ReviewDestinations(Chat chat) {
		this.chat = chat;
	}

	@Override
	public boolean maySubscribe(KinshipPrincipal principal, String destination) {
		if (NOTICES.equals(destination)) {
			return true;
		}
		Matcher topic = REVIEW_TOPIC.matcher(destination);
		return topic.matches() && this.chat.mayModerate(principal, Long.parseLong(topic.group(1)));
	}

}
