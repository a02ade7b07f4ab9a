package org.kinship.chat.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kinship.chat.PostingRule;
import org.kinship.groups.Refused;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One message per N seconds per member, as the group's staff set it; staff are exempt.
 * Judged from the member's last stored message in the database, not from this node's
 * memory, so that it holds whichever node a member's messages reach; while slow mode is
 * on, the group's sends are judged one at a time (see
 * {@link GroupRules#slowModeSecondsLocked}), so two messages sent at once cannot both
 * pass.
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
		int seconds = this.rules.slowModeSecondsLocked(poster.seat().groupId());
		if (seconds == 0) {
			return Optional.empty();
		}
		Optional<Instant> last = this.messages.lastPostedAt(poster.seat().groupId(), poster.principal().fhirUser());
		if (last.isEmpty()) {
			return Optional.empty();
		}
		Duration left = Duration.between(poster.now(), last.get().plusSeconds(seconds));
		if (left.isNegative() || left.isZero()) {
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
