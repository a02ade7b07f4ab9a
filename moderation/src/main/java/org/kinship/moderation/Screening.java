package org.kinship.moderation;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.kinship.moderation.internal.ScreeningEngine;
import org.kinship.moderation.internal.ScreeningRules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The screening contract every message passes before it is stored: a message sent is
 * screened through {@link Moderation#admit(Posting)}, an edit by
 * {@link #screen(Submission)} inside the editing transaction; a {@link Outcome#HOLD}
 * stores the message out of sight for the review queue, a {@link Outcome#REFUSE} stores
 * nothing and tells the member why, a {@link Outcome#FLAG} stores and delivers it and
 * puts it in the review queue.
 *
 * <p>
 * Every message passes the watched words, personal-data, crisis, care-distress and
 * new-member detectors of {@link ScreeningEngine}, under the rules of its group from the
 * {@link ScreeningRules} bean. Until there is such a bean,
 * {@link ScreeningRules#UNTIL_CONFIGURED} applies: no watched words and no new-member
 * review, so only personal data is held.
 */
@Component
public class Screening {

	private final ScreeningEngine engine = new ScreeningEngine();

	private final ObjectProvider<ScreeningRules> rules;

	/**
	 * The rules bean once found: looking it up through the bean factory took a quarter of
	 * screening's time on every message.
	 */
	private volatile @Nullable ScreeningRules found;

	private final Timer time;

	/**
	 * Screening under the rules bean, timed on the application's meter registry (the
	 * {@code kinship.screening} timer; a registry of its own where there is none).
	 * @param rules the rules, when there are any yet
	 * @param meters the meter registry, when there is one
	 */
	Screening(ObjectProvider<ScreeningRules> rules, ObjectProvider<MeterRegistry> meters) {
		this.rules = rules;
		this.time = Timer.builder("kinship.screening")
			.description("Screening of one message by every detector")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(10_000))
			.maximumExpectedValue(Duration.ofSeconds(1))
			.register(meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	/**
	 * Screens one message. Reads nothing from the database itself; the rules bean decides
	 * where its rules come from.
	 * @param submission what is about to be stored
	 * @return the verdict
	 */
	public Verdict screen(Submission submission) {
		ScreeningRules.Rules group = rules().rulesFor(submission.issuer(), submission.groupId());
		return timed(submission, group);
	}

	/**
	 * Screens a message on its way in, counting the author's earlier posts only when the
	 * group's new-member rule can hold this one: never for staff, never with the rule
	 * off.
	 * @param posting the message and its author
	 * @return the verdict
	 */
	Verdict screen(Posting posting) {
		ScreeningRules.Rules group = rules().rulesFor(posting.issuer(), posting.groupId());
		boolean counted = !posting.staff() && group.policy().newMemberPosts() > 0;
		// uncounted, the author is simply not new
		int publishedBefore = counted ? posting.publishedBefore().getAsInt() : Integer.MAX_VALUE;
		Submission submission = new Submission(posting.issuer(), posting.groupId(), posting.author(), posting.text(),
				publishedBefore, posting.staff(), posting.medicines());
		return timed(submission, group);
	}

	private ScreeningRules rules() {
		ScreeningRules rules = this.found;
		if (rules == null) {
			rules = this.rules.getIfAvailable();
			if (rules == null) {
				return ScreeningRules.UNTIL_CONFIGURED;
			}
			this.found = rules;
		}
		return rules;
	}

	private Verdict timed(Submission submission, ScreeningRules.Rules group) {
		long start = System.nanoTime();
		try {
			return this.engine.screen(submission, group.policy(), group.global(), group.group());
		}
		finally {
			this.time.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

}
