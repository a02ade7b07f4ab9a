package org.kinship.chat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Flags;
import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.moderation.Sanctions;
import org.kinship.moderation.Sanctions.Sanction;
import org.kinship.moderation.Finding;
import org.kinship.moderation.Outcome;
import org.kinship.moderation.Verdict;

import org.springframework.stereotype.Component;

/**
 * What chat asks of moderation: whether a sanction keeps a member out or quiet, and what
 * goes to the group's review queue after screening or a member's flag.
 */
@Component
class Moderators {

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Sanctions sanctions;

	private final ReviewQueue queue;

	private final Flags flags;

	private final ModerationSettings settings;

	private final ModerationLog log;

	Moderators(Sanctions sanctions, ReviewQueue queue, Flags flags, ModerationSettings settings, ModerationLog log) {
		this.sanctions = sanctions;
		this.queue = queue;
		this.flags = flags;
		this.settings = settings;
		this.log = log;
	}

	boolean mayRead(KinshipPrincipal principal, long groupId) {
		return restriction(principal, groupId).map(Sanction::mayRead).orElse(true);
	}

	void refuseIfKeptOut(KinshipPrincipal principal, long groupId) {
		refuseIfKeptOut(restriction(principal, groupId));
	}

	/**
	 * The sanction in force for a person in a group, read once where both checks follow.
	 */
	Optional<Sanction> restriction(KinshipPrincipal principal, long groupId) {
		return this.sanctions.restriction(principal.issuer(), groupId, principal.fhirUser());
	}

	static void refuseIfKeptOut(Optional<Sanction> restriction) {
		restriction.filter((sanction) -> !sanction.mayRead()).ifPresent(Moderators::refuse);
	}

	static void refuseIfMuted(Optional<Sanction> restriction) {
		restriction.ifPresent(Moderators::refuse);
	}

	private static void refuse(Sanction sanction) {
		String key = "chat.error." + sanction.kind().name().toLowerCase(java.util.Locale.ROOT)
				+ ((sanction.until() != null) ? ".until" : "");
		throw new Refused(key, sanction.reason(), (sanction.until() != null) ? UNTIL.format(sanction.until()) : "");
	}

	/**
	 * Puts a just-stored message in the review queue when screening asks for it: held or
	 * flagged for a facilitator, and escalated as urgent on crisis or distress about
	 * care.
	 */
	void review(KinshipPrincipal principal, ChatMessage stored, Verdict verdict) {
		String found = found(verdict);
		if (verdict.outcome() == Outcome.HOLD || verdict.outcome() == Outcome.FLAG) {
			Kind kind = (verdict.outcome() == Outcome.HOLD) ? Kind.HELD : Kind.FLAGGED;
			this.queue.enqueue(principal.issuer(), stored.groupId(), stored.id(), principal.fhirUser(), kind, found,
					null);
			this.log.record(new ModerationLog.Entry(principal.issuer(), stored.groupId(), "screening", kind.name(),
					principal.fhirUser(), stored.id(), found));
		}
		if (verdict.crisis()) {
			Duration responseTime = this.settings.inForce(principal.issuer(), stored.groupId()).responseTime();
			this.queue.enqueue(principal.issuer(), stored.groupId(), stored.id(), principal.fhirUser(), Kind.ESCALATED,
					found, responseTime);
			this.log.record(new ModerationLog.Entry(principal.issuer(), stored.groupId(), "screening", "ESCALATE",
					principal.fhirUser(), stored.id(), found));
		}
	}

	/**
	 * Records a member's flag and queues the message.
	 * @return whether the message should be hidden until reviewed
	 */
	boolean flagged(KinshipPrincipal principal, long groupId, long messageId, String author, Flags.FlagReason reason) {
		int count = this.flags.flag(messageId, principal.fhirUser(), reason);
		this.queue.enqueue(principal.issuer(), groupId, messageId, author, Kind.FLAGGED,
				"flag: " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), null);
		boolean hide = count == this.settings.inForce(principal.issuer(), groupId).flagsToHide();
		this.log.record(new ModerationLog.Entry(principal.issuer(), groupId, principal.fhirUser(),
				hide ? "FLAG_HIDE" : "FLAG", author, messageId, reason.name()));
		return hide;
	}

	private static String found(Verdict verdict) {
		String labels = verdict.findings().stream().map(Moderators::label).distinct().collect(Collectors.joining("; "));
		return labels.isEmpty() ? reasonOf(verdict.reasonKey()) : labels;
	}

	private static String label(Finding finding) {
		return finding.detector().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + finding.label();
	}

	private static String reasonOf(@Nullable String key) {
		return (key != null) ? key : "screening";
	}

}
