package org.kinship.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.chat.PostingRule.Notice;
import org.kinship.chat.PostingRule.Poster;
import org.kinship.chat.internal.ChatProperties;
import org.kinship.chat.internal.GroupRules;
import org.kinship.chat.internal.MessageStore;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.groups.GroupStatus;
import org.kinship.groups.GroupStatusChanged;
import org.kinship.shared.Refused;
import org.kinship.shared.RequestMemo;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.ModerationLog.Entry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The controls a group's staff (its facilitators and community managers) have over its
 * discussion: slow mode, lock and pinned messages. Every change is checked on the server
 * against the person's seat, written to the moderation log and to the audit log (who,
 * what, when; no names or text) in the same transaction and published as
 * {@link GroupControlsChanged} for members' pages to follow live.
 */
@Component
public class GroupControls {

	private final GroupDirectory groups;

	private final GroupAdministration administration;

	private final GroupRules rules;

	private final MessageStore messages;

	private final ModerationLog log;

	private final AuditLog audit;

	private final ChatProperties properties;

	private final ApplicationEventPublisher events;

	private final List<PostingRule> postingRules;

	private final Clock clock;

	GroupControls(GroupDirectory groups, GroupAdministration administration, GroupRules rules, MessageStore messages,
			ModerationLog log, AuditLog audit, ChatProperties properties, ApplicationEventPublisher events,
			List<PostingRule> postingRules, Clock clock) {
		this.groups = groups;
		this.administration = administration;
		this.rules = rules;
		this.messages = messages;
		this.log = log;
		this.audit = audit;
		this.properties = properties;
		this.events = events;
		this.postingRules = postingRules;
		this.clock = clock;
	}

	/**
	 * What a person's page shows of the group's controls now.
	 * @param principal who asks
	 * @param groupId the group
	 * @return the controls as this person sees them
	 * @throws Refused when the person has no seat in the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Controls controls(KinshipPrincipal principal, long groupId) {
		// the page shows them and writes them for its script: made once per page
		return RequestMemo.once("chat.controls " + principal.issuer() + " " + principal.fhirUser() + " " + groupId,
				() -> controlsNow(principal, groupId));
	}

	private Controls controlsNow(KinshipPrincipal principal, long groupId) {
		Seat seat = seat(principal, groupId);
		boolean locked = seat.status() != GroupStatus.OPEN;
		List<Notice> notices = new ArrayList<>();
		if (locked) {
			notices.add(new Notice(true, "chat.locked", List.of()));
		}
		Poster poster = new Poster(principal, seat, this.clock.instant());
		this.postingRules.forEach((rule) -> rule.notice(poster).ifPresent(notices::add));
		return new Controls(groupId, locked, this.rules.slowModeSeconds(groupId),
				this.properties.slowModeMax().toSeconds(), this.messages.visible(groupId, this.rules.pinned(groupId)),
				notices, seat.staff());
	}

	/**
	 * Sets slow mode.
	 * @param principal one of the group's staff
	 * @param groupId the group
	 * @param seconds seconds a member waits between messages, {@code 0} for off
	 * @return the group's slug
	 * @throws Refused when the person is not the group's staff or the value is out of
	 * range
	 */
	@Transactional
	public String slowMode(KinshipPrincipal principal, long groupId, int seconds) {
		Seat seat = staffSeat(principal, groupId);
		long max = this.properties.slowModeMax().toSeconds();
		if (seconds < 0 || seconds > max) {
			throw new Refused("chat.error.slow-mode-range", max);
		}
		this.rules.setSlowMode(groupId, seconds);
		String value = (seconds == 0) ? "off" : seconds + " s";
		record(principal, seat, "SLOW_MODE", null, null, value);
		audit(principal.issuer(), principal.fhirUser(), groupId, "SLOW_MODE " + value);
		return seat.slug();
	}

	/**
	 * Locks the group or opens it again; a locked group is read-only.
	 * @param principal one of the group's staff
	 * @param groupId the group
	 * @param locked lock, or open
	 * @return the group's slug
	 * @throws Refused when the person is not the group's staff
	 */
	@Transactional
	public String lock(KinshipPrincipal principal, long groupId, boolean locked) {
		Seat seat = staffSeat(principal, groupId);
		// logged and told to members by on(GroupStatusChanged), as a change from the
		// management page is
		this.administration.lock(principal, groupId, locked);
		return seat.slug();
	}

	/**
	 * Pins a message to the top of the discussion, or unpins it. A peer mentor may pin
	 * and unpin their own messages (a welcome), and nobody else's.
	 * @param principal one of the group's staff, or a peer mentor for their own message
	 * @param groupId the group
	 * @param messageId a delivered message of the group
	 * @param on pin, or unpin
	 * @return the message
	 * @throws Refused when the person may not pin it, the message is not there or too
	 * many are pinned
	 */
	@Transactional
	public ChatMessage pin(KinshipPrincipal principal, long groupId, long messageId, boolean on) {
		Seat seat = seat(principal, groupId);
		if (!seat.staff() && !seat.peerMentor()) {
			throw Refused.forbidden("groups.error.not-staff");
		}
		MessageStore.Owned owned = this.messages.find(groupId, messageId)
			.filter((found) -> !on || MessageStore.VISIBLE.equals(found.status()))
			.orElseThrow(() -> new Refused("chat.error.no-message"));
		if (!seat.staff() && !owned.author().equals(principal.fhirUser())) {
			throw Refused.forbidden("chat.error.mentor-own");
		}
		if (on && this.rules.pinned(groupId).size() >= this.properties.maxPinned()
				&& !this.rules.pinned(groupId).contains(messageId)) {
			throw new Refused("chat.error.pins-full", this.properties.maxPinned());
		}
		if (this.rules.pin(groupId, messageId, principal.fhirUser(), on)) {
			record(principal, seat, on ? "PIN" : "UNPIN", owned.author(), messageId, "");
			audit(principal.issuer(), principal.fhirUser(), groupId, (on ? "PIN" : "UNPIN") + " message " + messageId);
		}
		return owned.message();
	}

	/**
	 * Logs a lock, an opening or an archiving, from the group controls or the management
	 * page alike, and tells members' pages, in the changing transaction.
	 * @param changed the change
	 */
	@EventListener
	void on(GroupStatusChanged changed) {
		String action = switch (changed.status()) {
			case LOCKED -> "LOCK";
			case OPEN -> "UNLOCK";
			case ARCHIVED -> "ARCHIVE";
		};
		this.log.record(new Entry(changed.issuer(), changed.groupId(), changed.actor(), action, null, null, ""));
		audit(changed.issuer(), changed.actor(), changed.groupId(), action);
		this.events.publishEvent(new GroupControlsChanged(changed.groupId()));
	}

	/**
	 * Writes a control change to the audit log in the changing transaction, so that the
	 * entry commits, or rolls back, with the change: who, the group and what changed
	 * ("SLOW_MODE 30 s", "PIN message 12"), never a name or a message's text.
	 */
	private void audit(String issuer, String actor, long groupId, String what) {
		this.audit.recordAll(List.of(AuditLog.Stamped.now(new AuditEntry(issuer, actor, null, AuditAction.GROUP_CONTROL,
				"group " + groupId + " " + what, AuditEntry.SUCCESS))));
	}

	private void record(KinshipPrincipal principal, Seat seat, String action, @Nullable String subject,
			@Nullable Long messageId, String reason) {
		this.log.record(new Entry(principal.issuer(), seat.groupId(), principal.fhirUser(), action, subject, messageId,
				reason));
		this.events.publishEvent(new GroupControlsChanged(seat.groupId()));
	}

	private Seat staffSeat(KinshipPrincipal principal, long groupId) {
		Seat seat = seat(principal, groupId);
		if (!seat.staff()) {
			throw Refused.forbidden("groups.error.not-staff");
		}
		return seat;
	}

	private Seat seat(KinshipPrincipal principal, long groupId) {
		return this.groups.seat(principal, groupId).orElseThrow(() -> Refused.forbidden("chat.error.not-member"));
	}

	/**
	 * A group's controls as one person sees them.
	 *
	 * @param groupId the group
	 * @param locked whether the group is read-only
	 * @param slowModeSeconds slow mode, {@code 0} for off
	 * @param slowModeMax the longest slow mode the staff may set, in seconds
	 * @param pinned the pinned messages, earliest pinned first
	 * @param notices what the composer should say; any closed one means the person cannot
	 * post now
	 * @param staff whether the person may change the controls
	 */
	public record Controls(long groupId, boolean locked, int slowModeSeconds, long slowModeMax,
			List<ChatMessage> pinned, List<Notice> notices, boolean staff) {

		/**
		 * Whether the person may post now.
		 * @return false while a closed notice holds
		 */
		public boolean mayPost() {
			return this.notices.stream().noneMatch(Notice::closed);
		}

	}

}
