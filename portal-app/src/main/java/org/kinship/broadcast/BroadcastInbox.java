package org.kinship.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.broadcast.internal.AcknowledgementWriter;
import org.kinship.broadcast.internal.RecipientStore;
import org.kinship.broadcast.internal.RecipientStore.Unacknowledged;
import org.kinship.groups.Membership;
import org.kinship.groups.Memberships;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import org.kinship.shared.RequestMemo;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Broadcasts as their recipients have them: the inbox, the banner and unread badge on
 * every page, opening one and confirming it was read. A broadcast counts as delivered
 * once the member's screen had it, live or at a later page; expired ones are no longer
 * shown.
 */
@Component
public class BroadcastInbox {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final RecipientStore recipients;

	private final AcknowledgementWriter acknowledgements;

	private final AuditLog audit;

	/** When a broadcast has expired for the member. */
	private final Clock clock;

	private final Memberships memberships;

	BroadcastInbox(RecipientStore recipients, AcknowledgementWriter acknowledgements, AuditLog audit, Clock clock,
			Memberships memberships) {
		this.memberships = memberships;
		this.recipients = recipients;
		this.acknowledgements = acknowledgements;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Who is still to be reminded of some broadcasts now, in two reads whatever their
	 * number: recipients who have not confirmed reading them, of broadcasts not expired,
	 * and, for a broadcast to some groups, still an active member of one of them (a
	 * member who left is not reminded). No person is checked: the caller reminds the
	 * recipients themselves.
	 * @param broadcastIds the broadcasts
	 * @return the broadcasts and recipients still to be reminded
	 */
	public Set<Reminder> stillToRemind(Collection<Long> broadcastIds) {
		List<Unacknowledged> waiting = this.recipients.unacknowledged(broadcastIds, this.clock.instant());
		Set<Long> groupIds = new HashSet<>();
		Set<String> users = new HashSet<>();
		waiting.forEach((recipient) -> {
			groupIds.addAll(recipient.groupIds());
			users.add(recipient.fhirUser());
		});
		Set<String> active = new HashSet<>();
		for (Membership member : this.memberships.activeMembers(groupIds, users)) {
			active.add(member.groupId() + " " + member.fhirUser());
		}
		Set<Reminder> reminders = new HashSet<>();
		for (Unacknowledged recipient : waiting) {
			boolean stillThere = recipient.groupIds().isEmpty() || recipient.groupIds()
				.stream()
				.anyMatch((groupId) -> active.contains(groupId + " " + recipient.fhirUser()));
			if (stillThere) {
				reminders.add(new Reminder(recipient.broadcastId(), recipient.fhirUser()));
			}
		}
		return reminders;
	}

	/**
	 * A recipient still to be reminded of a broadcast.
	 *
	 * @param broadcastId the broadcast
	 * @param fhirUser the recipient
	 */
	public record Reminder(long broadcastId, String fhirUser) {
	}

	/**
	 * What the header shows a member on every page: the unread count and the broadcast
	 * the banner shows, urgent ones not acknowledged first. Marks what is shown as
	 * delivered: a page that has nothing new to mark writes nothing.
	 * @param principal the member
	 * @return the strip
	 */
	public Strip strip(KinshipPrincipal principal) {
		Instant now = this.clock.instant();
		List<InboxEntry> entries = inbox(principal);
		List<Long> undelivered = entries.stream().filter((entry) -> !entry.delivered()).map(InboxEntry::id).toList();
		if (!undelivered.isEmpty()) {
			this.recipients.deliveredTo(principal.fhirUser(), undelivered, now);
		}
		int unread = (int) entries.stream().filter((entry) -> !entry.seen()).count();
		InboxEntry banner = entries.stream()
			.filter(InboxEntry::bannered)
			.min(Comparator.comparing((InboxEntry entry) -> entry.priority() != Priority.URGENT)
				.thenComparing(InboxEntry::sentAt, Comparator.reverseOrder()))
			.orElse(null);
		return new Strip(unread, banner);
	}

	/**
	 * A member's broadcasts that have not expired, newest first.
	 * @param principal the member
	 * @return the broadcasts
	 */
	public List<InboxEntry> inbox(KinshipPrincipal principal) {
		Locale locale = LocaleContextHolder.getLocale();
		// the header's strip and a group's pinned broadcasts: one read per page
		return RequestMemo.once("broadcast.inbox " + principal.issuer() + " " + principal.fhirUser() + " " + locale,
				() -> this.recipients.of(principal.issuer(), principal.fhirUser(), this.clock.instant(), locale));
	}

	/**
	 * Opens a broadcast, which then counts as seen.
	 * @param principal a recipient
	 * @param id the broadcast
	 * @return the broadcast, or empty when the person is not a recipient or it expired
	 */
	public Optional<InboxEntry> open(KinshipPrincipal principal, long id) {
		Instant now = this.clock.instant();
		if (!this.recipients.isRecipient(id, principal.fhirUser())) {
			return Optional.empty();
		}
		if (this.recipients.seen(id, principal.fhirUser(), now)) {
			record(principal, id, "seen");
		}
		return find(principal, id, now);
	}

	/**
	 * Records "I have read this"; pressing it again changes nothing.
	 * @param principal a recipient
	 * @param id the broadcast
	 * @throws Refused when the person is not a recipient
	 */
	public void acknowledge(KinshipPrincipal principal, long id) {
		try {
			if (acknowledgeLater(principal, id).get(WAIT.toMillis(),
					TimeUnit.MILLISECONDS) == Acknowledgement.NOT_RECIPIENT) {
				throw Refused.notFound("broadcast.error.not-found");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Refused("broadcast.error.not-recorded");
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new Refused("broadcast.error.not-recorded");
		}
	}

	/**
	 * Records "I have read this" without waiting: presses that arrive together are stored
	 * in one transaction, and the answer comes after its commit.
	 * @param principal the member
	 * @param id the broadcast
	 * @return completed with whether it was recorded, had been already, or the member is
	 * not a recipient; exceptionally when it was not stored
	 */
	public CompletableFuture<Acknowledgement> acknowledgeLater(KinshipPrincipal principal, long id) {
		return this.acknowledgements.acknowledge(id, principal.fhirUser(), entry(principal, id, "acknowledged"));
	}

	private Optional<InboxEntry> find(KinshipPrincipal principal, long id, Instant now) {
		return this.recipients.of(principal.issuer(), principal.fhirUser(), now, LocaleContextHolder.getLocale())
			.stream()
			.filter((entry) -> entry.id() == id)
			.findFirst();
	}

	private void record(KinshipPrincipal principal, long id, String what) {
		this.audit.record(entry(principal, id, what));
	}

	private static AuditEntry entry(KinshipPrincipal principal, long id, String what) {
		return new AuditEntry(principal.issuer(), principal.fhirUser(), principal.patientId(), AuditAction.BROADCAST,
				"broadcast " + id + " " + what, AuditEntry.SUCCESS);
	}

	/**
	 * The header's part: unread count and banner.
	 *
	 * @param unread broadcasts not yet opened
	 * @param banner the broadcast the banner shows, or {@code null}
	 */
	public record Strip(int unread, @Nullable InboxEntry banner) {
	}

}
