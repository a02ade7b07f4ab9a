package org.kinship.broadcast.internal;

import java.util.Date;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.broadcast.Broadcast;
import org.kinship.broadcast.BroadcastSent;
import org.kinship.broadcast.Priority;
import org.kinship.broadcast.WriteBackReport;
import org.kinship.launch.BackendFhirClients;
import org.kinship.launch.EhrIdentifiers;
import org.kinship.launch.EhrWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an urgent broadcast in the EHR as a FHIR {@code Communication} for each
 * recipient patient, where {@code kinship.broadcast.write-back-issuers} names the health
 * system. The work is a {@link WriteBackDue} stored in the Event Publication Registry
 * with the transaction that sends the broadcast (or retries it), so a stop or a crash
 * between that commit and the EHR loses nothing: the publication stays incomplete until
 * the write-back has run, and is taken up again at restart or by
 * {@code WriteBackResubmission}. Runs after commit, off the sender's thread, with the
 * backend-services client; each Communication is tried up to {@code write-back-attempts}
 * times and what still fails is kept for the dashboard, which offers a retry. Each
 * carries the broadcast's and patient's identifier ({@code urn:kinship:broadcast}) and is
 * a conditional create on it ({@code If-None-Exist}), so that one tried again after an
 * answer was lost is not written twice. Logs and the audit log carry counts and error
 * names only, never the message or a token.
 */
@Component
public class WriteBack {

	private final String identifierSystem;

	/**
	 * The listener's name in the registry, kept with incomplete publications: it must
	 * stay the same when the method is renamed, or they are no longer found.
	 */
	static final String LISTENER_ID = "broadcast-write-back";

	private static final Logger log = LoggerFactory.getLogger(WriteBack.class);

	private final WriteBackStore writes;

	private final BroadcastStore broadcasts;

	private final BackendFhirClients backend;

	private final BroadcastProperties properties;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	WriteBack(WriteBackStore writes, BroadcastStore broadcasts, BackendFhirClients backend,
			BroadcastProperties properties, AuditLog audit, ApplicationEventPublisher events,
			TransactionTemplate transactions, EhrIdentifiers identifiers) {
		this.writes = writes;
		this.broadcasts = broadcasts;
		this.backend = backend;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.identifierSystem = identifiers.system("broadcast");
	}

	/**
	 * Whether urgent broadcasts of a health system are written back.
	 * @param issuerKey the registration key
	 * @return true when configured
	 */
	public boolean enabledFor(String issuerKey) {
		return this.properties.writeBackIssuers().contains(issuerKey);
	}

	/**
	 * Makes the write-back of an urgent broadcast due, inside the transaction that sends
	 * it, so that the registry stores it with the broadcast.
	 * @param sent the broadcast sent
	 */
	@EventListener
	void on(BroadcastSent sent) {
		if (sent.priority() == Priority.URGENT && enabledFor(sent.issuerKey())) {
			this.events.publishEvent(new WriteBackDue(sent.id(), sent.issuer()));
		}
	}

	/**
	 * Writes what is due, after the commit, on the write-back's own thread. Not in one
	 * transaction (the registry's listeners run in one by default): each Communication's
	 * outcome is committed as soon as the EHR answers, so the dashboard shows progress
	 * and work taken up again after a crash writes only what was still pending. Throwing
	 * leaves the publication incomplete, to be taken up again.
	 * @param due the broadcast whose recipients are due
	 */
	@Async(BroadcastExecutors.WRITE_BACK)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	@ApplicationModuleListener(id = LISTENER_ID)
	void on(WriteBackDue due) {
		this.writes.plan(due.broadcastId());
		writePending(due.issuer(), due.broadcastId());
	}

	/**
	 * Tries the failed Communications of a broadcast again, in the background.
	 * @param broadcast the broadcast
	 */
	public void retry(Broadcast broadcast) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.writes.retryFailed(broadcast.id()) > 0) {
				this.events.publishEvent(new WriteBackDue(broadcast.id(), broadcast.issuer()));
			}
		});
	}

	/**
	 * The dashboard's report.
	 * @param broadcast the broadcast
	 * @return the report
	 */
	public WriteBackReport report(Broadcast broadcast) {
		return this.writes.report(broadcast.id(),
				broadcast.priority() == Priority.URGENT && enabledFor(broadcast.issuerKey()));
	}

	private void writePending(String issuer, long broadcastId) {
		Broadcast broadcast = this.broadcasts.find(issuer, broadcastId).orElseThrow();
		IGenericClient client;
		try {
			client = this.backend.forIssuer(broadcast.issuerKey());
		}
		catch (RuntimeException ex) {
			for (String patientId : this.writes.pending(broadcastId)) {
				this.writes.failed(broadcastId, patientId, 1, reason(ex));
			}
			report(broadcast, "no backend token: " + reason(ex));
			return;
		}
		for (String patientId : this.writes.pending(broadcastId)) {
			write(client, broadcast, patientId);
		}
		WriteBackReport report = this.writes.report(broadcastId, true);
		report(broadcast, report.done() + " written, " + report.failed() + " failed");
	}

	private void write(IGenericClient client, Broadcast broadcast, String patientId) {
		String reason = "";
		for (int attempt = 1; attempt <= this.properties.writeBackAttempts(); attempt++) {
			try {
				String id = EhrWrites.createOnceForId(client, communication(broadcast, patientId),
						this.identifierSystem, identifier(broadcast, patientId));
				this.writes.done(broadcast.id(), patientId, attempt, id);
				return;
			}
			catch (RuntimeException ex) {
				reason = reason(ex);
				pause(attempt);
			}
		}
		this.writes.failed(broadcast.id(), patientId, this.properties.writeBackAttempts(), reason);
	}

	Communication communication(Broadcast broadcast, String patientId) {
		Communication communication = new Communication();
		communication.addIdentifier().setSystem(this.identifierSystem).setValue(identifier(broadcast, patientId));
		communication.setStatus(Communication.CommunicationStatus.COMPLETED);
		communication.addCategory()
			.addCoding()
			.setSystem("http://terminology.hl7.org/CodeSystem/communication-category")
			.setCode("alert");
		communication.setPriority(Communication.CommunicationPriority.URGENT);
		communication.setSubject(new Reference("Patient/" + patientId));
		communication.addRecipient(new Reference("Patient/" + patientId));
		communication.setSender(new Reference(broadcast.createdBy()));
		if (broadcast.sentAt() != null) {
			communication.setSent(Date.from(broadcast.sentAt()));
		}
		communication.addPayload().setContent(new StringType(broadcast.title() + "\n\n" + broadcast.body()));
		return communication;
	}

	/** The identifier's value: one Communication per broadcast and patient. */
	static String identifier(Broadcast broadcast, String patientId) {
		return broadcast.id() + "/" + patientId;
	}

	private void report(Broadcast broadcast, String what) {
		log.info("Broadcast {} write-back: {}", broadcast.id(), what);
		this.audit.record(new AuditEntry(broadcast.issuer(), "system", null, AuditAction.BROADCAST,
				"broadcast " + broadcast.id() + " write-back " + what, AuditEntry.SUCCESS));
	}

	private static String reason(RuntimeException ex) {
		return (ex instanceof BaseServerResponseException response) ? "HTTP " + response.getStatusCode()
				: ex.getClass().getSimpleName();
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(200L * attempt);
		}
		catch (InterruptedException ex) {
			// shutting down: what is still pending stays so, and the publication
			// incomplete, to be written later
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Write-back interrupted", ex);
		}
	}

}
