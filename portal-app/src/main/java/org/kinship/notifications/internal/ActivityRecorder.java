package org.kinship.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.kinship.broadcast.BroadcastSent;
import org.kinship.broadcast.Priority;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.MessagePosted;
import org.kinship.groups.JoinRequestAnswered;
import org.kinship.launch.MemberLaunched;
import org.kinship.moderation.EscalationRaised;
import org.kinship.moderation.ReviewItemArrived;
import org.kinship.programs.ProgramEndingSoon;
import org.kinship.programs.ProgramSignedUp;
import org.kinship.referrals.ReferralMade;
import org.kinship.review.AuthorToldOfDecision;
import org.kinship.sessions.SessionScheduled;

import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes what happened into the outbox inside the transaction of the event itself (the
 * message's, the decision's, the answer's), so that what is committed is told and what is
 * rolled back is not (for staff, an urgent escalation or a new review item in their
 * group), and a crash right after the commit loses nothing. Who is told is decided later,
 * after commit, by the dispatch: at once, or, for a live session, at its start, for an
 * important or urgent broadcast, once {@code broadcast-reminder-after} has passed, and
 * for a program's session, {@code program-reminder-before} it starts. One small insert
 * per event; no read.
 */
@Component
class ActivityRecorder {

	private final ActivityStore activities;

	private final ContactStore contacts;

	private final NotificationsProperties properties;

	private final Clock clock;

	ActivityRecorder(ActivityStore activities, ContactStore contacts, NotificationsProperties properties, Clock clock) {
		this.activities = activities;
		this.contacts = contacts;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(MessagePosted posted) {
		ChatMessage message = posted.message();
		this.activities.insert(new Activity(0, "", message.groupId(), Activity.Kind.MESSAGE, message.id(),
				message.author(), null, message.replyTo(), message.mentions(), false, this.clock.instant()));
	}

	@EventListener
	void on(AuthorToldOfDecision decision) {
		this.activities.insert(new Activity(0, "", decision.groupId(), Activity.Kind.DECISION, null, null,
				decision.author(), null, List.of(), false, this.clock.instant()));
	}

	@EventListener
	void on(JoinRequestAnswered answered) {
		this.activities.insert(new Activity(0, answered.issuer(), answered.groupId(), Activity.Kind.JOIN_ANSWER, null,
				null, answered.fhirUser(), null, List.of(), false, this.clock.instant()));
	}

	@EventListener
	void on(ReferralMade made) {
		this.activities.insert(new Activity(0, made.issuer(), null, Activity.Kind.REFERRAL, null, null, made.patient(),
				null, List.of(), false, this.clock.instant(), made.referralId(), null));
	}

	@EventListener
	void on(EscalationRaised raised) {
		this.activities.insert(new Activity(0, raised.issuer(), raised.groupId(), Activity.Kind.ESCALATION, null, null,
				null, null, List.of(), true, this.clock.instant()));
	}

	@EventListener
	void on(ReviewItemArrived arrived) {
		this.activities.insert(new Activity(0, arrived.issuer(), arrived.groupId(), Activity.Kind.REVIEW, null, null,
				null, null, List.of(), false, this.clock.instant(), arrived.itemId(), null));
	}

	@EventListener
	void on(SessionScheduled scheduled) {
		this.activities.insert(new Activity(0, scheduled.issuer(), scheduled.groupId(), Activity.Kind.SESSION, null,
				null, null, null, List.of(), false, this.clock.instant(), scheduled.sessionId(), scheduled.startsAt()));
	}

	/**
	 * A sign-up is told {@code program-reminder-before} its session starts, the sign-up's
	 * time kept as the activity's, by which the planner knows it is still the same
	 * sign-up. None for a sign-up made closer to the start than that.
	 * @param signedUp the sign-up
	 */
	@EventListener
	void on(ProgramSignedUp signedUp) {
		Instant due = signedUp.startsAt().minus(this.properties.programReminderBefore());
		if (due.isAfter(signedUp.signedAt())) {
			this.activities.insert(new Activity(0, signedUp.issuer(), null, Activity.Kind.PROGRAM_SESSION, null, null,
					signedUp.member(), null, List.of(), false, signedUp.signedAt(), signedUp.sessionId(), due));
		}
	}

	@EventListener
	void on(ProgramEndingSoon ending) {
		this.activities.insert(new Activity(0, ending.issuer(), null, Activity.Kind.PROGRAM_ENDING, null, null,
				ending.owner(), null, List.of(), false, this.clock.instant(), ending.programId(), null));
	}

	@EventListener
	void on(BroadcastSent sent) {
		if (sent.priority().asksAcknowledgement()) {
			Instant now = this.clock.instant();
			this.activities.insert(new Activity(0, sent.issuer(), null, Activity.Kind.BROADCAST, null, null, null, null,
					List.of(), sent.priority() == Priority.URGENT, now, sent.id(),
					now.plus(this.properties.broadcastReminderAfter())));
		}
	}

	/**
	 * Keeps the address the record gave at this launch, and the launch's language for a
	 * new contact. On the launch's request thread.
	 * @param launch the launch
	 */
	@EventListener
	void on(MemberLaunched launch) {
		this.contacts.launched(launch.issuer(), launch.issuerKey(), launch.fhirUser(), launch.recordEmail(),
				LocaleContextHolder.getLocale(), ZoneId.of(this.properties.defaultTimeZone()), this.clock.instant());
	}

}
