package org.kinship.notifications.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.kinship.chat.ChatMessage;
import org.kinship.chat.MessagePosted;
import org.kinship.groups.JoinRequestAnswered;
import org.kinship.launch.MemberLaunched;
import org.kinship.moderation.EscalationRaised;
import org.kinship.review.AuthorToldOfDecision;

import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes what happened into the outbox inside the transaction of the event itself (the
 * message's, the decision's, the answer's), so that what is committed is told and what is
 * rolled back is not (for staff, an urgent escalation in their group), and a crash right
 * after the commit loses nothing. Who is told is decided later, after commit, by the
 * dispatch. One small insert per event; no read.
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
	void on(EscalationRaised raised) {
		this.activities.insert(new Activity(0, raised.issuer(), raised.groupId(), Activity.Kind.ESCALATION, null, null,
				null, null, List.of(), true, this.clock.instant()));
	}

	/**
	 * Keeps the address the record gave at this launch, and the launch's language for a
	 * new contact. On the launch's request thread.
	 * @param launch the launch
	 */
	@EventListener
	void on(MemberLaunched launch) {
		this.contacts.launched(launch.issuer(), launch.issuerKey(), launch.fhirUser(), launch.recordEmail(),
				LocaleContextHolder.getLocale(), ZoneId.of(this.properties.defaultTimeZone()));
	}

}
