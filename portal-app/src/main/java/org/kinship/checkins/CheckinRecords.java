package org.kinship.checkins;

import org.kinship.checkins.internal.CheckinProperties;
import org.kinship.checkins.internal.CheckinStore;
import org.kinship.checkins.internal.CheckinStore.StoredAnswer;
import org.kinship.checkins.internal.RecordWriter;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;

/**
 * Saving a check-in answer to the member's own record, only when they ask: a
 * {@code QuestionnaireResponse} written with their token and the write scope, checked
 * against its Questionnaire by HAPI's validator first. Only a patient's own answer about
 * their own record is sent (never a caregiver's); the answer stays in Kinship whatever
 * the EHR says, and can be sent again. Call on the member's request thread.
 */
@Component
public class CheckinRecords {

	private final CheckinStore store;

	private final RecordWriter writer;

	private final CheckinProperties properties;

	CheckinRecords(CheckinStore store, RecordWriter writer, CheckinProperties properties) {
		this.store = store;
		this.writer = writer;
		this.properties = properties;
	}

	/**
	 * Sends one of the member's answers to their record.
	 * @param principal the member
	 * @param answerId the answer
	 * @throws Refused not found when the answer is not theirs; refused when their grant
	 * lacks the write scope, they answered for someone else's record, the answer is not
	 * valid against its Questionnaire, or the EHR refused it or did not answer (the
	 * answer is kept)
	 */
	public void send(KinshipPrincipal principal, long answerId) {
		StoredAnswer answer = this.store.find(principal.issuer(), principal.fhirUser(), answerId)
			.orElseThrow(() -> Refused.notFound("checkins.error.not-yours"));
		if (answer.patientId() == null || !principal.fhirUser().equals("Patient/" + answer.patientId())) {
			throw new Refused("checkins.record.not-own");
		}
		if (!principal.grantedScopes().contains(this.properties.writeScope())) {
			throw new Refused("checkins.record.not-granted");
		}
		if ("SENT".equals(answer.recordStatus())) {
			return;
		}
		switch (this.writer.send(principal, answer)) {
			case SENT -> {
			}
			case REFUSED -> throw new Refused("checkins.record.refused");
			case UNANSWERED -> throw new Refused("checkins.record.unanswered");
			case INVALID -> throw new Refused("checkins.record.invalid");
			case RELAUNCH -> throw new Refused("checkins.record.relaunch");
		}
	}

}
