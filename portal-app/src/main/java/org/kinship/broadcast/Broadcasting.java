package org.kinship.broadcast;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.broadcast.internal.AudienceResolver;
import org.kinship.broadcast.internal.BroadcastProperties;
import org.kinship.broadcast.internal.BroadcastStore;
import org.kinship.broadcast.internal.BroadcastStore.Draft;
import org.kinship.broadcast.internal.RecipientStore;
import org.kinship.broadcast.internal.WriteBack;
import org.kinship.shared.MarkdownRenderer;
import org.kinship.groups.Cohorts.CohortMember;
import org.kinship.groups.Group;
import org.kinship.groups.GroupAdministration;
import org.kinship.shared.Refused;
import org.kinship.times.MemberTimes;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing and sending broadcasts, for the community managers of a health system; every
 * call checks the right on the server and reaches only the caller's own health system.
 * Sending resolves the audience first, outside any transaction, then stores the broadcast
 * for every recipient and publishes {@link BroadcastSent} in one transaction: a failure
 * anywhere leaves a draft with the error and nobody told. Every step is audited.
 */
@Component
public class Broadcasting {

	private final BroadcastStore store;

	private final RecipientStore recipients;

	private final AudienceResolver audiences;

	private final GroupAdministration groups;

	private final MarkdownRenderer markdown;

	private final BroadcastProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final WriteBack writeBack;

	private final MemberTimes times;

	Broadcasting(BroadcastStore store, RecipientStore recipients, AudienceResolver audiences,
			GroupAdministration groups, MarkdownRenderer markdown, BroadcastProperties properties,
			ApplicationEventPublisher events, TransactionTemplate transactions, AuditLog audit, WriteBack writeBack,
			MemberTimes times) {
		this.store = store;
		this.recipients = recipients;
		this.audiences = audiences;
		this.groups = groups;
		this.markdown = markdown;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.audit = audit;
		this.writeBack = writeBack;
		this.times = times;
	}

	/**
	 * The groups a broadcast may go to.
	 * @param principal a community manager
	 * @return the health system's groups
	 */
	public List<Group> groupChoices(KinshipPrincipal principal) {
		requireManager(principal);
		return this.groups.manageable(principal);
	}

	/**
	 * Saves a draft, or changes one not yet sent (a scheduled broadcast becomes a draft
	 * again until scheduled anew). The same new form saved twice is stored once.
	 * @param principal a community manager
	 * @param id the broadcast, or {@code null} for a new one
	 * @param form the form
	 * @return the broadcast's id
	 * @throws Refused when a text is too long or the broadcast was sent meanwhile
	 */
	public long save(KinshipPrincipal principal, @Nullable Long id, BroadcastForm form) {
		requireManager(principal);
		Draft draft = draft(principal, form);
		long saved;
		if (id == null) {
			saved = this.store.insert(draft);
		}
		else {
			own(principal, id);
			if (!this.store.update(id, draft)) {
				throw new Refused("broadcast.error.already-sent");
			}
			saved = id;
		}
		record(principal, saved, "saved");
		return saved;
	}

	/**
	 * A broadcast of the manager's health system.
	 * @param principal a community manager
	 * @param id the broadcast
	 * @return the broadcast
	 * @throws Refused when there is no such broadcast there
	 */
	public Broadcast find(KinshipPrincipal principal, long id) {
		requireManager(principal);
		return own(principal, id);
	}

	/**
	 * How many people a broadcast would reach now.
	 * @param principal a community manager
	 * @param id the broadcast
	 * @return the count
	 * @throws Refused when the audience is not complete, too large or cannot be resolved;
	 * the error is kept with the draft
	 */
	public int preview(KinshipPrincipal principal, long id) {
		Broadcast broadcast = find(principal, id);
		int count = checkedRecipients(principal, broadcast).size();
		record(principal, id, "previewed for " + count);
		return count;
	}

	/**
	 * Sends a broadcast now. Sending one already sent changes nothing (a double submit);
	 * an urgent broadcast over the two-person threshold waits for a second manager.
	 * @param principal a community manager
	 * @param id the broadcast
	 * @return the broadcast as it now is
	 * @throws Refused when it is not complete, its audience is empty, too large or cannot
	 * be resolved; it stays a draft with the error
	 */
	public Broadcast send(KinshipPrincipal principal, long id) {
		Broadcast broadcast = find(principal, id);
		if (broadcast.status() == BroadcastStatus.SENT || broadcast.status() == BroadcastStatus.AWAITING_APPROVAL) {
			return broadcast;
		}
		checkComplete(broadcast);
		List<CohortMember> audience = checkedRecipients(principal, broadcast);
		if (broadcast.priority() == Priority.URGENT && this.properties.needsSecondManager(audience.size())) {
			this.store.stage(id, BroadcastStatus.AWAITING_APPROVAL, audience.size());
			record(principal, id, "awaits approval for " + audience.size());
			return own(principal, id);
		}
		dispatch(broadcast, audience, null);
		return own(principal, id);
	}

	/**
	 * Schedules a broadcast for its scheduled time; it stays editable until then.
	 * @param principal a community manager
	 * @param id the broadcast
	 * @return the broadcast as it now is
	 * @throws Refused when it is not complete or its time is not in the future
	 */
	public Broadcast schedule(KinshipPrincipal principal, long id) {
		Broadcast broadcast = find(principal, id);
		if (broadcast.status() == BroadcastStatus.SENT) {
			return broadcast;
		}
		checkComplete(broadcast);
		if (broadcast.scheduledAt() == null || !broadcast.scheduledAt().isAfter(Instant.now())) {
			throw new Refused("broadcast.error.past");
		}
		this.audiences.check(broadcast.audience());
		this.store.stage(id, BroadcastStatus.SCHEDULED, 0);
		record(principal, id, "scheduled");
		return own(principal, id);
	}

	/**
	 * A second community manager approves an urgent broadcast, which is then sent.
	 * @param principal a community manager other than its author
	 * @param id the broadcast
	 * @return the broadcast as it now is
	 * @throws Refused when it does not await approval or the approver wrote it
	 */
	public Broadcast approve(KinshipPrincipal principal, long id) {
		Broadcast broadcast = find(principal, id);
		if (broadcast.status() != BroadcastStatus.AWAITING_APPROVAL) {
			throw new Refused("broadcast.error.not-awaiting");
		}
		if (broadcast.createdBy().equals(principal.fhirUser())) {
			throw new Refused("broadcast.error.own-approval");
		}
		List<CohortMember> audience = checkedRecipients(principal, broadcast);
		record(principal, id, "approved");
		dispatch(broadcast, audience, principal.fhirUser());
		return own(principal, id);
	}

	/**
	 * Sends every scheduled broadcast whose time has come; a broadcast that fails stays a
	 * draft with its error.
	 * @param now the time
	 * @return how many were sent
	 */
	public int sendDue(Instant now) {
		int sent = 0;
		for (Broadcast broadcast : this.store.due(now)) {
			try {
				List<CohortMember> audience = checkedRecipients(null, broadcast);
				if (broadcast.priority() == Priority.URGENT && this.properties.needsSecondManager(audience.size())) {
					this.store.stage(broadcast.id(), BroadcastStatus.AWAITING_APPROVAL, audience.size());
					continue;
				}
				sent += dispatch(broadcast, audience, null) ? 1 : 0;
			}
			catch (Refused refused) {
				// kept with the draft by checkedRecipients
			}
		}
		return sent;
	}

	/**
	 * The health system's broadcasts with their counts, newest first.
	 * @param principal a community manager
	 * @return the broadcasts
	 */
	public List<Tracking> list(KinshipPrincipal principal) {
		requireManager(principal);
		return this.store.all(principal.issuer())
			.stream()
			.map((broadcast) -> new Tracking(broadcast, this.recipients.counts(broadcast.id()), List.of(),
					broadcast.sentBy(principal.fhirUser()), null))
			.toList();
	}

	/**
	 * A broadcast's counts now and over time since it was sent.
	 * @param principal a community manager of the broadcast's health system
	 * @param id the broadcast
	 * @return the tracking
	 * @throws Refused when there is no such broadcast at the manager's health system
	 */
	public Tracking tracking(KinshipPrincipal principal, long id) {
		Broadcast broadcast = find(principal, id);
		List<RecipientProgress> progress = this.recipients.progress(id);
		return new Tracking(broadcast, this.recipients.counts(id), Timeline.of(broadcast, progress, Instant.now()),
				broadcast.sentBy(principal.fhirUser()), this.writeBack.report(broadcast));
	}

	/**
	 * Tries again, in the background, the Communications the EHR did not take.
	 * @param principal a community manager of the broadcast's health system
	 * @param id the broadcast
	 */
	public void retryWriteBack(KinshipPrincipal principal, long id) {
		Broadcast broadcast = find(principal, id);
		record(principal, id, "write-back retried");
		this.writeBack.retry(broadcast);
	}

	/**
	 * Every recipient's progress, for those who sent the broadcast only.
	 * @param principal the community manager who wrote or approved it
	 * @param id the broadcast
	 * @return the recipients, by {@code fhirUser}
	 * @throws AccessDeniedException for anyone else
	 */
	public List<RecipientProgress> recipients(KinshipPrincipal principal, long id) {
		Broadcast broadcast = find(principal, id);
		if (!broadcast.sentBy(principal.fhirUser())) {
			throw new AccessDeniedException("Only those who sent a broadcast see its recipients");
		}
		record(principal, id, "recipients listed");
		return this.recipients.progress(id);
	}

	private boolean dispatch(Broadcast broadcast, List<CohortMember> audience, @Nullable String approvedBy) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Boolean sent = this.transactions.execute((status) -> {
			if (!this.store.claim(broadcast.id(), approvedBy, audience.size(), now)) {
				return false;
			}
			this.recipients.insertAll(broadcast.id(), audience);
			this.events.publishEvent(new BroadcastSent(broadcast.id(), broadcast.issuerKey(), broadcast.issuer(),
					broadcast.title(), broadcast.bodyHtml(), broadcast.priority(), now, broadcast.expiresAt(),
					broadcast.spanish()));
			return true;
		});
		if (Boolean.TRUE.equals(sent)) {
			this.audit.record(new AuditEntry(broadcast.issuer(),
					(approvedBy != null) ? approvedBy : broadcast.createdBy(), null, AuditAction.BROADCAST,
					"broadcast " + broadcast.id() + " sent to " + audience.size(), AuditEntry.SUCCESS));
		}
		return Boolean.TRUE.equals(sent);
	}

	private List<CohortMember> checkedRecipients(@Nullable KinshipPrincipal principal, Broadcast broadcast) {
		try {
			List<CohortMember> audience = this.audiences.recipients(broadcast);
			if (audience.isEmpty()) {
				throw new Refused("broadcast.error.empty-audience");
			}
			if (audience.size() > this.properties.maxRecipients()) {
				throw new Refused("broadcast.error.over-cap", audience.size(), this.properties.maxRecipients());
			}
			return audience;
		}
		catch (Refused refused) {
			Object[] args = refused.arguments();
			this.store.failed(broadcast.id(), refused.messageKey(), (args.length > 0) ? String.valueOf(args[0]) : null);
			this.audit.record(new AuditEntry(broadcast.issuer(), (principal != null) ? principal.fhirUser() : "system",
					null, AuditAction.BROADCAST, "broadcast " + broadcast.id() + " refused", refused.messageKey()));
			throw refused;
		}
	}

	private void checkComplete(Broadcast broadcast) {
		if (broadcast.title().isBlank()) {
			throw new Refused("broadcast.error.title");
		}
		if (broadcast.body().isBlank()) {
			throw new Refused("broadcast.error.body");
		}
		if (broadcast.expiresAt() != null && !broadcast.expiresAt().isAfter(Instant.now())) {
			throw new Refused("broadcast.error.expired");
		}
		if (broadcast.expiresAt() != null && broadcast.scheduledAt() != null
				&& !broadcast.expiresAt().isAfter(broadcast.scheduledAt())) {
			throw new Refused("broadcast.error.expires-before");
		}
	}

	private Draft draft(KinshipPrincipal principal, BroadcastForm form) {
		String title = form.text(form.title());
		String body = form.text(form.body());
		if (title.length() > this.properties.maxTitle()) {
			throw new Refused("broadcast.error.title-long", this.properties.maxTitle());
		}
		if (body.length() > this.properties.maxBody()) {
			throw new Refused("broadcast.error.body-long", this.properties.maxBody());
		}
		BroadcastText spanish = spanish(form);
		String submission = form.text(form.submissionId());
		if (!submission.matches("[A-Za-z0-9-]{8,64}")) {
			submission = java.util.UUID.randomUUID().toString();
		}
		return new Draft(principal.issuer(), principal.issuerKey(), submission, principal.fhirUser(), title, body,
				this.markdown.render(body), (form.priority() != null) ? form.priority() : Priority.INFO,
				form.audience(), Times.parse(form.scheduledAt(), "broadcast.error.time", zone(principal)),
				Times.parse(form.expiresAt(), "broadcast.error.time", zone(principal)), spanish);
	}

	private BroadcastText spanish(BroadcastForm form) {
		String title = form.text(form.titleEs());
		String body = form.text(form.bodyEs());
		if (title.isEmpty() && body.isEmpty()) {
			return BroadcastText.NONE;
		}
		if (title.isEmpty() || body.isEmpty()) {
			throw new Refused("broadcast.error.spanish-incomplete");
		}
		if (title.length() > this.properties.maxTitle()) {
			throw new Refused("broadcast.error.title-long", this.properties.maxTitle());
		}
		if (body.length() > this.properties.maxBody()) {
			throw new Refused("broadcast.error.body-long", this.properties.maxBody());
		}
		return new BroadcastText(title, body, this.markdown.render(body));
	}

	/**
	 * The time zone a person types a broadcast's times in.
	 * @param principal the person
	 * @return their zone, UTC where it is not known
	 */
	public java.time.ZoneId zone(KinshipPrincipal principal) {
		return this.times.zone(principal);
	}

	private Broadcast own(KinshipPrincipal principal, long id) {
		return this.store.find(principal.issuer(), id).orElseThrow(() -> new Refused("broadcast.error.not-found"));
	}

	private void record(KinshipPrincipal principal, long id, String what) {
		this.audit.record(new AuditEntry(principal.issuer(), principal.fhirUser(), null, AuditAction.BROADCAST,
				"broadcast " + id + " " + what, AuditEntry.SUCCESS));
	}

	private static void requireManager(KinshipPrincipal principal) {
		if (!principal.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw new AccessDeniedException("Only community managers send broadcasts");
		}
	}

}
