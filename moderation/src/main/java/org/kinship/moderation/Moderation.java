package org.kinship.moderation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
	 * Puts a just-stored message in the review queue when its verdict asks for it: held
	 * or flagged for a facilitator, and escalated as urgent on crisis or distress about
	 * care.
	 */
	void review(Posting posting, long messageId, Verdict verdict) {
		String found = found(verdict);
		if (verdict.outcome() == Outcome.HOLD || verdict.outcome() == Outcome.FLAG) {
			Kind kind = (verdict.outcome() == Outcome.HOLD) ? Kind.HELD : Kind.FLAGGED;
			this.queue.enqueue(posting.issuer(), posting.groupId(), messageId, posting.author(), kind, found, null);
			this.log.record(new ModerationLog.Entry(posting.issuer(), posting.groupId(), "screening", kind.name(),
					posting.author(), messageId, found));
		}
		if (verdict.crisis()) {
			this.queue.enqueue(posting.issuer(), posting.groupId(), messageId, posting.author(), Kind.ESCALATED, found,
					this.settings.inForce(posting.issuer(), posting.groupId()).responseTime());
			this.log.record(new ModerationLog.Entry(posting.issuer(), posting.groupId(), "screening", "ESCALATE",
					posting.author(), messageId, found));
		}
	}

	/** What a sanction tells the member: its kind, the reason given, and its end. */
	static Refusal refusal(Sanction sanction) {
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
