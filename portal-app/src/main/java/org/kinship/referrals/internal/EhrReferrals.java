package org.kinship.referrals.internal;

import java.time.Clock;
import java.util.Date;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.kinship.launch.BackendFhirClients;
import org.kinship.launch.EhrIdentifiers;
import org.kinship.launch.EhrWrites;
import org.kinship.referrals.EhrRecord;
import org.kinship.referrals.Referral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a referral in the EHR, where {@code kinship.referrals.ehr-issuers} names the
 * health system: a {@code ServiceRequest} (intent order, status active, for the patient,
 * requested by the clinician, the group or program named in its code's text, the note as
 * a note) and a {@code Task} to follow it up. Written with the backend-services client
 * (the issuer's {@code backend-scopes} need {@code system/ServiceRequest.c} and
 * {@code system/Task.c}).
 * <p>
 * Never on the clinician's request: the referral is made due as a {@link ReferralEhrDue}
 * in the Event Publication Registry in the transaction that stores it, and written after
 * commit on this module's own thread. When the EHR fails or does not answer (a server
 * error, a timeout, 408 or 429), it is tried {@code ehr-attempts} times with a growing
 * pause, then left waiting: its publication stays incomplete and
 * {@code ReferralResubmission} starts it again, until {@code ehr-give-up-after}. A
 * refusal (any other 4xx) is final. The ServiceRequest's id is kept as soon as the EHR
 * returns it, so that a later attempt writes only the Task; and both carry the referral's
 * identifier ({@code urn:kinship:referral}) and are conditional creates on it
 * ({@code If-None-Exist}), so that an attempt after one whose answer was lost (a timeout)
 * finds what the EHR created instead of writing it again: each is written once. The log
 * carries the referral's id and an HTTP status or error name only.
 */
@Component
public class EhrReferrals {

	private final String identifierSystem;

	/**
	 * The listener's name in the registry, kept with incomplete publications: it must
	 * stay the same when the method is renamed, or they are no longer found.
	 */
	static final String LISTENER_ID = "referrals-ehr-write";

	private static final Logger log = LoggerFactory.getLogger(EhrReferrals.class);

	private final BackendFhirClients backend;

	private final ReferralStore referrals;

	private final ReferralsProperties properties;

	private final Clock clock;

	EhrReferrals(BackendFhirClients backend, ReferralStore referrals, ReferralsProperties properties, Clock clock,
			EhrIdentifiers identifiers) {
		this.backend = backend;
		this.referrals = referrals;
		this.properties = properties;
		this.clock = clock;
		this.identifierSystem = identifiers.system("referral");
	}

	/**
	 * Whether referrals of a health system are recorded in its EHR.
	 * @param issuerKey the registration key
	 * @return true when configured
	 */
	public boolean enabledFor(String issuerKey) {
		return this.properties.ehrIssuers().contains(issuerKey);
	}

	/**
	 * Writes a due referral, after the commit, on the referrals' own thread. Not in one
	 * transaction: each outcome is committed as soon as the EHR answers.
	 * @param due the referral that is due
	 * @throws NotYetRecorded when the EHR failed every attempt of this round, which
	 * leaves the publication incomplete, to be started again
	 */
	@Async(ReferralExecutors.EHR_WRITES)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	@ApplicationModuleListener(id = LISTENER_ID)
	void on(ReferralEhrDue due) {
		this.referrals.find(due.issuer(), due.referralId())
			.filter((referral) -> referral.ehr().due())
			.ifPresent(this::write);
	}

	private void write(Referral referral) {
		String reason = "";
		for (int attempt = 1; attempt <= this.properties.ehrAttempts(); attempt++) {
			try {
				writeOnce(referral);
				log.info("Referral {} recorded in the EHR", referral.id());
				return;
			}
			catch (RuntimeException ex) {
				reason = reason(ex);
				if (refusal(ex)) {
					this.referrals.ehr(referral.id(), EhrRecord.REFUSED, null, reason);
					log.info("Referral {} refused by the EHR: {}", referral.id(), reason);
					return;
				}
			}
			if (attempt < this.properties.ehrAttempts()) {
				pause(attempt);
			}
		}
		if (!this.clock.instant().isBefore(referral.createdAt().plus(this.properties.ehrGiveUpAfter()))) {
			this.referrals.ehr(referral.id(), EhrRecord.UNREACHABLE, null, reason);
			log.warn("Referral {} not recorded in the EHR, no longer tried: {}", referral.id(), reason);
			return;
		}
		this.referrals.ehr(referral.id(), EhrRecord.RETRYING, null, reason);
		log.info("Referral {} not recorded in the EHR yet, tried again later: {}", referral.id(), reason);
		throw new NotYetRecorded(referral.id());
	}

	/**
	 * Writes the ServiceRequest, unless an earlier attempt did, and its Task, each
	 * created once even when this is not the first attempt.
	 */
	private void writeOnce(Referral referral) {
		IGenericClient client = this.backend.forIssuer(referral.issuerKey());
		String requestId = this.referrals.find(referral.issuer(), referral.id())
			.map(Referral::ehrReference)
			.orElse(null);
		String identifier = String.valueOf(referral.id());
		if (requestId == null) {
			requestId = EhrWrites.createOnceForId(client, serviceRequest(referral), this.identifierSystem, identifier);
			this.referrals.requestWritten(referral.id(), requestId);
		}
		String taskId = EhrWrites.createOnceForId(client, task(referral, requestId), this.identifierSystem, identifier);
		this.referrals.ehr(referral.id(), EhrRecord.WRITTEN, taskId, null);
	}

	/**
	 * Whether the EHR answered that it will not take the referral: a client error other
	 * than a timeout or too many requests, which waiting does not change.
	 */
	static boolean refusal(RuntimeException ex) {
		if (!(ex instanceof BaseServerResponseException response) || ex instanceof FhirClientConnectionException) {
			return false;
		}
		int status = response.getStatusCode();
		return status >= 400 && status < 500 && status != 408 && status != 429;
	}

	private static String reason(RuntimeException ex) {
		return (ex instanceof BaseServerResponseException response && !(ex instanceof FhirClientConnectionException))
				? "HTTP " + response.getStatusCode() : ex.getClass().getSimpleName();
	}

	private void pause(int attempt) {
		try {
			Thread.sleep(this.properties.ehrBackoff().toMillis() * attempt);
		}
		catch (InterruptedException ex) {
			// shutting down: the referral stays due and its publication incomplete
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Referral EHR write interrupted", ex);
		}
	}

	ServiceRequest serviceRequest(Referral referral) {
		ServiceRequest request = new ServiceRequest();
		request.addIdentifier().setSystem(this.identifierSystem).setValue(String.valueOf(referral.id()));
		request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
		request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.addCategory()
			.addCoding()
			.setSystem("http://snomed.info/sct")
			.setCode("306206005")
			.setDisplay("Referral to service");
		request.getCode().setText(referral.targetName());
		request.setSubject(new Reference(referral.patient()));
		request.setRequester(new Reference(referral.referrer()).setDisplay(referral.referrerName()));
		request.setAuthoredOn(Date.from(referral.createdAt()));
		if (referral.note() != null) {
			request.addNote(new Annotation().setText(referral.note()));
		}
		return request;
	}

	Task task(Referral referral, String requestId) {
		Task task = new Task();
		task.addIdentifier().setSystem(this.identifierSystem).setValue(String.valueOf(referral.id()));
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setFocus(new Reference("ServiceRequest/" + requestId));
		task.setFor(new Reference(referral.patient()));
		task.setRequester(new Reference(referral.referrer()));
		task.setAuthoredOn(Date.from(referral.createdAt()));
		task.setDescription("Follow up the referral to " + referral.targetName());
		return task;
	}

	/**
	 * The EHR failed every attempt of a round: the referral waits to be tried again.
	 */
	static final class NotYetRecorded extends RuntimeException {

		NotYetRecorded(long referralId) {
			super("Referral " + referralId + " waits to be recorded in the EHR", null, false, false);
		}

	}

}
