package org.kinship.moderation;

import org.springframework.stereotype.Component;

/**
 * The screening contract every message passes before it is stored. The chat module calls
 * {@link #screen(Submission)} inside the sending transaction; a {@link Verdict#hold()}
 * stores the message out of sight for the review queue, a {@link Verdict#refuse(String)}
 * stores nothing and tells the member why.
 *
 * <p>
 * Until review rules are configured every message is allowed.
 */
@Component
public class Screening {

	/**
	 * Screens one message.
	 * @param submission what is about to be stored
	 * @return the verdict
	 */
	public Verdict screen(Submission submission) {
		return Verdict.allow();
	}

	/**
	 * A message about to be stored.
	 *
	 * @param issuer the health system
	 * @param groupId the group
	 * @param author the author's {@code fhirUser}
	 * @param text the message as typed (Markdown source)
	 */
	public record Submission(String issuer, long groupId, String author, String text) {
	}

	/**
	 * What happens to a screened message.
	 *
	 * @param outcome allow, hold or refuse
	 * @param reasonKey for a refusal, the message key that tells the member why;
	 * otherwise {@code null}
	 */
	public record Verdict(Outcome outcome, @org.jspecify.annotations.Nullable String reasonKey) {

		/**
		 * Stored and delivered.
		 * @return the verdict
		 */
		public static Verdict allow() {
			return new Verdict(Outcome.ALLOW, null);
		}

		/**
		 * Stored, held for review, not delivered.
		 * @return the verdict
		 */
		public static Verdict hold() {
			return new Verdict(Outcome.HOLD, null);
		}

		/**
		 * Not stored.
		 * @param reasonKey the message key that says why
		 * @return the verdict
		 */
		public static Verdict refuse(String reasonKey) {
			return new Verdict(Outcome.REFUSE, reasonKey);
		}

	}

	/** What screening decided. */
	public enum Outcome {

		/** Stored and delivered. */
		ALLOW,
		/** Stored for review, not delivered. */
		HOLD,
		/** Not stored. */
		REFUSE

	}

}
