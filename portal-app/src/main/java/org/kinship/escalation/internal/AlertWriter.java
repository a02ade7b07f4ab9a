package org.kinship.escalation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.escalation.AlertMode;
import org.kinship.escalation.CareTeamAlert;
import org.kinship.escalation.CareTeamAlert.Status;
import org.kinship.escalation.CareTeamAlertChanged;
import org.kinship.escalation.internal.AlertStore.Alert;
import org.kinship.escalation.internal.AlertStore.Topic;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.BackendFhirClients;
import org.kinship.launch.EhrIdentifiers;
import org.kinship.launch.EhrWrites;
import org.kinship.launch.IssuerRegistry;
import org.kinship.moderation.EscalationRaised;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a patient's care team of an urgent escalation through their EHR, where
 * {@code kinship.escalation.care-team-alerts} names the health system: a
 * {@code Communication} or a {@code Task} ({@link AlertResources} says what it holds).
 * The alert is stored, and made due as a {@link CareTeamAlertDue} in the Event
 * Publication Registry, in the transaction that raises the escalation, so a stop or a
 * crash between that commit and the EHR loses nothing: the publication stays incomplete
 * until the alert has run, and is taken up again at restart or by
 * {@code AlertResubmission}. It runs after commit on its own thread with the
 * backend-services client, is tried up to {@code alert-attempts} times, and its outcome
 * is stored for the facilitators, who may try a failed one again. It carries the
 * escalation's identifier ({@code urn:kinship:escalation}) and is a conditional create on
 * it ({@code If-None-Exist}), so that an alert tried again after an answer was lost is
 * not written twice.
 * <p>
 * Only for a patient's own record: an escalation from a caregiver ({@code RelatedPerson})
 * is about the caregiver, whose crisis does not belong in the record of the person they
 * care for, and a clinician has no patient record here. Logs and the audit log carry the
 * escalation's id, counts and error names only, never the message, a name or a token.
 */
@Component
public class AlertWriter {

	/**
	 * The listener's name in the registry, kept with incomplete publications: it must
	 * stay the same when the method is renamed, or they are no longer found.
	 */
	static final String LISTENER_ID = "escalation-care-team-alert";

	private static final Logger log = LoggerFactory.getLogger(AlertWriter.class);

	private final AlertStore alerts;

	private final ReviewQueue queue;

	private final GroupDirectory groups;

	private final IssuerRegistry issuers;

	private final BackendFhirClients backend;

	private final EscalationProperties properties;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final EhrIdentifiers identifiers;

	AlertWriter(AlertStore alerts, ReviewQueue queue, GroupDirectory groups, IssuerRegistry issuers,
			BackendFhirClients backend, EscalationProperties properties, AuditLog audit,
			ApplicationEventPublisher events, TransactionTemplate transactions, EhrIdentifiers identifiers) {
		this.alerts = alerts;
		this.queue = queue;
		this.groups = groups;
		this.issuers = issuers;
		this.backend = backend;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.identifiers = identifiers;
	}

	/**
	 * Stores the alert of a new escalation and makes it due, inside the transaction that
	 * raises it, where its health system asks for alerts.
	 * @param raised the escalation
	 */
	@EventListener
	void on(EscalationRaised raised) {
		Optional<String> issuerKey = this.issuers.findByIss(raised.issuer()).map(IssuerRegistry.RegisteredIssuer::key);
		@Nullable AlertMode mode = issuerKey.map(this.properties.careTeamAlerts()::get).orElse(null);
		Optional<Item> item = this.queue.find(raised.issuer(), raised.itemId());
		if (mode == null || issuerKey.isEmpty() || item.isEmpty()) {
			return;
		}
		String patientId = patientOf(item.get().author());
		try {
			this.alerts.add(new Alert(raised.itemId(), raised.issuer(), issuerKey.get(), raised.groupId(), patientId,
					topicOf(item.get().reasons()), mode, (patientId != null) ? Status.PENDING : Status.NOT_A_PATIENT, 0,
					null, null, item.get().createdAt(), item.get().createdAt()));
		}
		catch (DataAccessException ex) {
			// the escalation itself, and the member's message, matter more than this
			// alert:
			// the facilitators see it as not told and reach the care team themselves
			log.warn("Escalation {} care-team alert not stored: {}", raised.itemId(), ex.getClass().getSimpleName());
			return;
		}
		if (patientId != null) {
			this.events.publishEvent(new CareTeamAlertDue(raised.itemId(), raised.issuer()));
		}
	}

	/**
	 * Writes a due alert, after the commit, on the alerts' own thread. Not in one
	 * transaction (the registry's listeners run in one by default): the outcome is
	 * committed as soon as the EHR answers. Throwing leaves the publication incomplete,
	 * to be taken up again.
	 * @param due the alert that is due
	 */
	@Async(EscalationExecutors.CARE_TEAM_ALERTS)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	@ApplicationModuleListener(id = LISTENER_ID)
	void on(CareTeamAlertDue due) {
		this.alerts.find(due.itemId()).filter((alert) -> alert.status() == Status.PENDING).ifPresent(this::write);
	}

	/**
	 * Puts a failed alert back in line and makes it due again, in the background.
	 * @param itemId the escalation
	 * @return whether it had failed (otherwise nothing changes)
	 */
	public boolean retry(long itemId) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			Optional<Alert> alert = this.alerts.find(itemId);
			if (alert.isEmpty() || !this.alerts.retryFailed(itemId)) {
				return false;
			}
			this.events.publishEvent(new CareTeamAlertDue(itemId, alert.get().issuer()));
			this.events.publishEvent(new CareTeamAlertChanged(alert.get().issuer(), alert.get().groupId(), itemId));
			return true;
		}));
	}

	private void write(Alert alert) {
		String groupName = this.groups.find(alert.issuer(), alert.groupId()).map(Group::name).orElse("(closed)");
		String reason = "";
		int attempt = 1;
		for (; attempt <= this.properties.alertAttempts(); attempt++) {
			try {
				String resource = writeOnce(alert, groupName);
				int attempts = attempt;
				outcome(alert, () -> this.alerts.written(alert.itemId(), attempts, resource), "written", null);
				return;
			}
			catch (NoCareTeam ex) {
				// not something waiting helps with
				reason = CareTeamAlert.NO_CARE_TEAM;
				break;
			}
			catch (RuntimeException ex) {
				reason = reason(ex);
			}
			if (attempt < this.properties.alertAttempts()) {
				pause(attempt);
			}
		}
		int attempts = Math.min(attempt, this.properties.alertAttempts());
		String why = reason;
		outcome(alert, () -> this.alerts.failed(alert.itemId(), attempts, why), "failed", why);
	}

	private String writeOnce(Alert alert, String groupName) {
		IGenericClient client = this.backend.forIssuer(alert.issuerKey());
		List<CareTeam> teams = AlertResources.activeCareTeams(client, String.valueOf(alert.patientId()));
		if (teams.isEmpty()) {
			throw new NoCareTeam();
		}
		Instant now = Instant.now();
		IBaseResource resource = (alert.mode() == AlertMode.TASK)
				? AlertResources.task(alert, groupName, teams, now, this.identifiers)
				: AlertResources.communication(alert, groupName, teams, now, this.identifiers);
		String type = (alert.mode() == AlertMode.TASK) ? "Task" : "Communication";
		return EhrWrites
			.createOnce(client, resource, this.identifiers.system(AlertResources.ESCALATION),
					String.valueOf(alert.itemId()))
			.map((id) -> type + "/" + id)
			.orElse(type);
	}

	private void outcome(Alert alert, Runnable store, String what, @Nullable String reason) {
		this.transactions.executeWithoutResult((status) -> {
			store.run();
			this.events.publishEvent(new CareTeamAlertChanged(alert.issuer(), alert.groupId(), alert.itemId()));
		});
		log.info("Escalation {} care-team alert {}{}", alert.itemId(), what, (reason != null) ? ": " + reason : "");
		this.audit.record(new AuditEntry(alert.issuer(), "system", "Patient/" + alert.patientId(),
				AuditAction.CARE_TEAM_ALERT, alert.mode().name().toLowerCase(Locale.ROOT) + " " + what,
				(reason != null) ? reason : AuditEntry.SUCCESS));
	}

	/**
	 * The patient an author's {@code fhirUser} is, if a patient.
	 * @param author the author, such as {@code Patient/123}
	 * @return the patient's id, or {@code null} for a caregiver or a clinician
	 */
	static @Nullable String patientOf(String author) {
		IdType id = new IdType(author);
		return ("Patient".equals(id.getResourceType()) && id.hasIdPart()) ? id.getIdPart() : null;
	}

	/**
	 * What an escalation is about, from the reasons screening gave.
	 * @param reasons the review item's reasons, such as {@code crisis: ...}
	 * @return crisis when crisis language was among them, otherwise care
	 */
	static Topic topicOf(String reasons) {
		return reasons.toLowerCase(Locale.ROOT).contains("crisis") ? Topic.CRISIS : Topic.CARE;
	}

	private static String reason(RuntimeException ex) {
		return (ex instanceof BaseServerResponseException response) ? "HTTP " + response.getStatusCode()
				: ex.getClass().getSimpleName();
	}

	private void pause(int attempt) {
		try {
			Thread.sleep(this.properties.alertBackoff().toMillis() * attempt);
		}
		catch (InterruptedException ex) {
			// shutting down: the alert stays pending and its publication incomplete, to
			// be
			// written later
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Care-team alert interrupted", ex);
		}
	}

	/** The record names no active care team to tell. */
	private static final class NoCareTeam extends RuntimeException {

		NoCareTeam() {
			super("no active care team", null, false, false);
		}

	}

}
