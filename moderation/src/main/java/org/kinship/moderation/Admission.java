package org.kinship.moderation;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.moderation.Sanctions.Sanction;

/**
 * Moderation's answer for one message on its way in, from {@link Moderation#admit}. Chat
 * asks it in the order of its own checks: {@link #keptOut()} first, {@link #muted()} once
 * it knows the message is not a retry of one already stored, {@link #verdict()} after its
 * own cheaper refusals (empty text, rate limit, posting rules), and {@link #record(long)}
 * once the message is stored. The sanction was read by {@code admit}; the text is
 * screened when the verdict is first asked for, so a message chat refuses first is never
 * screened and the author's posts are never counted for it.
 *
 * <p>
 * For one message on one thread, inside the sending transaction; not shared.
 */
public final class Admission {

	private final Moderation moderation;

	private final Posting posting;

	private final @Nullable Sanction restriction;

	private @Nullable Verdict verdict;

	Admission(Moderation moderation, Posting posting, @Nullable Sanction restriction) {
		this.moderation = moderation;
		this.posting = posting;
		this.restriction = restriction;
	}

	/**
	 * Whether a suspension or a ban keeps the author out of the group; the group's staff
	 * are never kept out of their own group's discussion this way.
	 * @return the refusal, or empty
	 */
	public Optional<Refusal> keptOut() {
		if (this.posting.staff() || this.restriction == null || this.restriction.mayRead()) {
			return Optional.empty();
		}
		return Optional.of(Moderation.refusal(this.restriction));
	}

	/**
	 * Whether any sanction in force (a mute included) stops the author posting a new
	 * message. A retry of a message stored before the sanction is not a new message.
	 * @return the refusal, or empty
	 */
	public Optional<Refusal> muted() {
		return Optional.ofNullable(this.restriction).map(Moderation::refusal);
	}

	/**
	 * What screening decided: store and deliver ({@link Outcome#ALLOW},
	 * {@link Outcome#FLAG}), store out of sight ({@link Outcome#HOLD}) or refuse
	 * ({@link Outcome#REFUSE}), with the text to store; {@link Verdict#crisis()} tells
	 * chat to show the sender the crisis resources. Reached at the first call.
	 * @return the verdict
	 */
	public Verdict verdict() {
		if (this.verdict == null) {
			this.verdict = this.moderation.screen(this.posting);
		}
		return this.verdict;
	}

	/**
	 * Puts the stored message in the review queue and the moderation log as the verdict
	 * asks, as one card (escalated as urgent, "please look", held or flagged), in the
	 * sending transaction so that the queue's entry commits with the message or not at
	 * all. Call it once, after the message is stored; a message the verdict lets through
	 * untouched records nothing.
	 * @param messageId the stored message's id
	 */
	public void record(long messageId) {
		this.moderation.review(this.posting, messageId, verdict());
	}

}
