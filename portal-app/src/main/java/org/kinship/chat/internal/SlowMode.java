package org.kinship.chat.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.kinship.chat.PostingRule;
import org.kinship.shared.Refused;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One message per N seconds per member, as the group's staff set it; staff are exempt.
 * Judged from the member's last stored message in the database, not from this node's
 * memory, so that it holds whichever node a member's messages reach; while slow mode is
 * on, the group's sends are judged one at a time (see
 * {@link GroupRules#slowModeSecondsLocked}) against the member's pace row, so two
 * messages sent at once cannot both pass.
 */
@Component
@Order(10)
class SlowMode implements PostingRule {

	private final GroupRules rules;

	private final MessageStore messages;

	SlowMode(GroupRules rules, MessageStore messages) {
		this.rules = rules;
		this.messages = messages;
	}

	@Override
	public Optional<Refused> check(Poster poster) {
		if (seconds(poster) == 0) {
			return Optional.empty();
		}
		long groupId = poster.seat().groupId();
		String member = poster.principal().fhirUser();
		int seconds = this.rules.slowModeSecondsLocked(groupId);
		if (seconds == 0) {
			return Optional.empty();
		}
		// the pace row sees sends judged just before this one; the messages, those sent
		// before slow mode was turned on
		Optional<Instant> last = Stream
			.of(this.rules.lastPaced(groupId, member), this.messages.lastPostedAt(groupId, member))
			.flatMap(Optional::stream)
			.max(Instant::compareTo);
		Duration left = last.map((at) -> Duration.between(poster.now(), at.plusSeconds(seconds))).orElse(Duration.ZERO);
		if (left.isNegative() || left.isZero()) {
			this.rules.paced(groupId, member, poster.now());
			return Optional.empty();
		}
		// whole seconds, rounded up: "wait 0 seconds" would not be true
		long wait = (left.toMillis() + 999) / 1000;
		return Optional.of(new Refused("chat.error.slow-mode", seconds, wait));
	}

	@Override
	public Optional<Notice> notice(Poster poster) {
		int seconds = seconds(poster);
		return (seconds == 0) ? Optional.empty()
				: Optional.of(new Notice(false, "chat.slow-mode.on", List.of(seconds)));
	}

	private int seconds(Poster poster) {
		return poster.seat().staff() ? 0 : this.rules.slowModeSeconds(poster.seat().groupId());
	}

}
