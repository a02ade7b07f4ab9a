package org.kinship.moderation;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.moderation.Flags.FlagReason;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.moderation.Sanctions.Sanction;

import org.springframework.stereotype.Component;

/**
 * What chat asks of moderation, one call per question: whether a member may follow a
 * group, what becomes of a message they send ({@link #admit(Posting)}), and what a
 * member's flag does. The policy behind every answer (sanctions, screening, what goes to
 * the review queue and the moderation log) lives here, so that chat only applies the
 * answers to its own messages.
 */
@Component
public class Moderation {

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Sanctions sanctions;

	private final Screening screening;

	private final ReviewQueue queue;

	private final Flags flags;

	private final ModerationSettings settings;

	private final ModerationLog log;

	Moderation(Sanctions sanctions, Screening screening, ReviewQueue queue, Flags flags, ModerationSettings settings,
			ModerationLog log) {
		this.sanctions = sanctions;
		this.screening = screening;
		this.queue = queue;
		this.flags = flags;
		this.settings = settings;
		this.log = log;
	}

	/**
	 * Takes a message on its way into a discussion: the one call chat makes for it. Reads
	 * the author's sanctions once, here; the returned admission answers the rest in the
	 * order chat asks, and puts the stored message in the review queue. Call it inside
	 * the sending transaction.
	 * @param posting the message and its author
	 * @return the admission, for this message only
	 */
	public Admission admit(Posting posting) {
		return new Admission(this, posting,
				this.sanctions.restriction(posting.issuer(), posting.groupId(), posting.author()).orElse(null));
	}

	/**
	 * Why a suspension or a ban keeps a person out of a group's discussion, asked for
	 * every chat frame other than a new message.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param member the person's {@code fhirUser}
	 * @return the refusal, or empty when the person may read the group
	 */
	public Optional<Refusal> keptOut(String issuer, long groupId, String member) {
		return this.sanctions.restriction(issuer, groupId, member)
			.filter((sanction) -> !sanction.mayRead())
			.map(Moderation::refusal);
	}

	/**
	 * Whether no suspension or ban keeps a person out of a group's discussion.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param member the person's {@code fhirUser}
	 * @return true when the person may read the group
	 */
	public boolean mayRead(String issuer, long groupId, String member) {
		return keptOut(issuer, groupId, member).isEmpty();
	}

	/**
	 * Records a member's flag on someone else's message, puts the message in the review
	 * queue and logs it, in the caller's transaction.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param messageId the message
	 * @param author the message's author
	 * @param member who flags it
	 * @param reason why
	 * @return whether the message should now be hidden until reviewed: the flag that
	 * reaches the group's threshold
	 */
	public boolean flag(String issuer, long groupId, long messageId, String author, String member, FlagReason reason) {
		int count = this.flags.flag(messageId, member, reason);
		this.queue.enqueue(issuer, groupId, messageId, author, Kind.FLAGGED,
				"flag: " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' '), null);
		boolean hide = count == this.settings.inForce(issuer, groupId).flagsToHide();
		this.log.record(new ModerationLog.Entry(issuer, groupId, member, hide ? "FLAG_HIDE" : "FLAG", author, messageId,
				reason.name()));
		return hide;
	}

	Verdict screen(Posting posting) {
		return this.screening.screen(posting);
	}

	/**
	 * Puts a just-stored message in the review queue when its verdict asks for it, as one
	 * card: an urgent escalation on crisis or distress about care (carrying the hold, if
	 * the message is held too), a "please look" item on uncertain risk, otherwise held or
	 * flagged for a facilitator. Each is logged as screening's decision.
	 */
	void review(Posting posting, long messageId, Verdict verdict) {
		Kind kind = card(verdict);
		if (kind == null) {
			return;
		}
		String found = found(verdict);
		Duration responseTime = (kind == Kind.ESCALATED)
				? this.settings.inForce(posting.issuer(), posting.groupId()).responseTime() : null;
		this.queue.enqueue(posting.issuer(), posting.groupId(), messageId, posting.author(), kind, found, responseTime);
		if (verdict.outcome() == Outcome.HOLD || verdict.outcome() == Outcome.FLAG) {
			String action = (verdict.outcome() == Outcome.HOLD) ? Kind.HELD.name() : Kind.FLAGGED.name();
			this.log.record(new ModerationLog.Entry(posting.issuer(), posting.groupId(), "screening", action,
					posting.author(), messageId, found));
		}
		if (kind == Kind.ESCALATED || kind == Kind.LOOK) {
			this.log.record(new ModerationLog.Entry(posting.issuer(), posting.groupId(), "screening",
					(kind == Kind.ESCALATED) ? "ESCALATE" : "LOOK", posting.author(), messageId, found));
		}
	}

	/** The one card a verdict puts in the queue, the most pressing; null for none. */
	private static @Nullable Kind card(Verdict verdict) {
		if (verdict.crisis()) {
			return Kind.ESCALATED;
		}
		if (uncertainRisk(verdict)) {
			return Kind.LOOK;
		}
		return switch (verdict.outcome()) {
			case HOLD -> Kind.HELD;
			case FLAG -> Kind.FLAGGED;
			default -> null;
		};
	}

	/**
	 * Whether crisis or care-distress detectors found something they were not sure of: a
	 * finding of theirs that is not urgent.
	 */
	private static boolean uncertainRisk(Verdict verdict) {
		return verdict.findings()
			.stream()
			.anyMatch((finding) -> !finding.urgent()
					&& (finding.detector() == Detector.CRISIS || finding.detector() == Detector.CARE_DISTRESS));
	}

	/**
	 * What a sanction tells the member: its kind, the reason given, and its end.
	 * @param sanction the sanction
	 * @return the refusal the member reads
	 */
	public static Refusal refusal(Sanction sanction) {
		String key = "chat.error." + sanction.kind().name().toLowerCase(Locale.ROOT)
				+ ((sanction.until() != null) ? ".until" : "");
		return new Refusal(key,
				List.of(sanction.reason(), (sanction.until() != null) ? UNTIL.format(sanction.until()) : ""));
	}

	private static String found(Verdict verdict) {
		String labels = verdict.findings()
			.stream()
			.map(Moderation::label)
			.distinct()
			.collect(java.util.stream.Collectors.joining("; "));
		return labels.isEmpty() ? ((verdict.reasonKey() != null) ? verdict.reasonKey() : "screening") : labels;
	}

	private static String label(Finding finding) {
		return finding.detector().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + finding.label();
	}

}
