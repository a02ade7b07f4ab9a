package org.kinship.referrals.internal;

import java.util.Date;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.kinship.launch.BackendFhirClients;
import org.kinship.referrals.EhrRecord;
import org.kinship.referrals.Referral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records a referral in the EHR, where {@code kinship.referrals.ehr-issuers} names the
 * health system: a {@code ServiceRequest} (intent order, status active, for the patient,
 * requested by the clinician, the group or program named in its code's text, the note as
 * a note) and a {@code Task} to follow it up. Written with the backend-services client
 * (the issuer's {@code backend-scopes} need {@code system/ServiceRequest.c} and
 * {@code system/Task.c}). A refusal is kept on the referral by its error name; the log
 * carries the referral's id and that name only.
 */
@Component
public class EhrReferrals {

	static final String IDENTIFIER_SYSTEM = "urn:kinship:referral";

	private static final Logger log = LoggerFactory.getLogger(EhrReferrals.class);

	private final BackendFhirClients backend;

	private final ReferralStore referrals;

	private final ReferralsProperties properties;

	EhrReferrals(BackendFhirClients backend, ReferralStore referrals, ReferralsProperties properties) {
		this.backend = backend;
		this.referrals = referrals;
		this.properties = properties;
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
	 * Writes a referral to the EHR and keeps the outcome on it. Never throws: a refusal
	 * is the outcome.
	 * @param referral a referral whose health system takes referrals
	 * @return the outcome
	 */
	public EhrRecord write(Referral referral) {
		try {
			IGenericClient client = this.backend.forIssuer(referral.issuerKey());
			MethodOutcome request = client.create().resource(serviceRequest(referral)).execute();
			String requestId = request.getId().getIdPart();
			MethodOutcome task = client.create().resource(task(referral, requestId)).execute();
			this.referrals.ehr(referral.id(), EhrRecord.WRITTEN, requestId, task.getId().getIdPart(), null);
			return EhrRecord.WRITTEN;
		}
		catch (RuntimeException ex) {
			String reason = ex.getClass().getSimpleName();
			log.info("Referral {} not recorded in the EHR: {}", referral.id(), reason);
			this.referrals.ehr(referral.id(), EhrRecord.REFUSED, null, null, reason);
			return EhrRecord.REFUSED;
		}
	}

	static ServiceRequest serviceRequest(Referral referral) {
		ServiceRequest request = new ServiceRequest();
		request.addIdentifier().setSystem(IDENTIFIER_SYSTEM).setValue(String.valueOf(referral.id()));
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

	static Task task(Referral referral, String requestId) {
		Task task = new Task();
		task.addIdentifier().setSystem(IDENTIFIER_SYSTEM).setValue(String.valueOf(referral.id()));
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setFocus(new Reference("ServiceRequest/" + requestId));
		task.setFor(new Reference(referral.patient()));
		task.setRequester(new Reference(referral.referrer()));
		task.setAuthoredOn(Date.from(referral.createdAt()));
		task.setDescription("Follow up the referral to " + referral.targetName());
		return task;
	}

}
