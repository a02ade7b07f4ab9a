package org.kinship.checkins.internal;

import java.util.Date;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.kinship.checkins.internal.CheckinStore.StoredAnswer;
import org.kinship.launch.EhrIdentifiers;
import org.kinship.launch.EhrWrites;
import org.kinship.launch.FhirClients;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.RelaunchRequiredException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends a stored answer to the member's own record as a {@code QuestionnaireResponse},
 * with the member's token, after HAPI's validator found it valid against its
 * Questionnaire. An answer to the medicines check-in carries the Questionnaire it
 * answered (its items the member's own medicines, derived from Kinship's template) as a
 * contained resource. What the EHR answers is recorded on the answer, which stays in
 * Kinship either way and can be sent again. The response carries the answer's identifier
 * and is a conditional create ({@link EhrWrites}): an answer sent again after the EHR's
 * reply was lost is found, not saved a second time.
 */
@Component
public class RecordWriter {

	private static final Logger logger = LoggerFactory.getLogger(RecordWriter.class);

	private static final String ASKED = "asked";

	/** The system of the identifier a response carries: Kinship's id of the answer. */
	private final String identifierSystem;

	private final FhirClients fhir;

	private final QuestionnaireCatalog catalog;

	private final ResponseValidator validator;

	private final CheckinStore store;

	RecordWriter(FhirClients fhir, QuestionnaireCatalog catalog, ResponseValidator validator, CheckinStore store,
			EhrIdentifiers identifiers) {
		this.fhir = fhir;
		this.catalog = catalog;
		this.validator = validator;
		this.store = store;
		this.identifierSystem = identifiers.system("checkin-answer");
	}

	/**
	 * Validates and sends an answer.
	 * @param principal the member, who answered it
	 * @param answer the answer
	 * @return what became of it
	 */
	public Sent send(KinshipPrincipal principal, StoredAnswer answer) {
		QuestionnaireResponse response = response(answer);
		List<String> errors = this.validator.errors(response);
		if (!errors.isEmpty()) {
			// a count only: a validator's message may quote the value it refused
			logger.warn("A check-in response failed validation against its Questionnaire: {} problems", errors.size());
			return Sent.INVALID;
		}
		try {
			String id = this.fhir.withUserToken(principal,
					(client) -> EhrWrites
						.createOnce(client, response, this.identifierSystem, String.valueOf(answer.id()))
						.orElse(null));
			this.store.recorded(answer.id(), "SENT", id);
			return Sent.SENT;
		}
		catch (RelaunchRequiredException ex) {
			return Sent.RELAUNCH;
		}
		catch (FhirClientConnectionException ex) {
			// no answer: the EHR may have saved it, and a second try finds it if so
			logger.info("The EHR did not answer a check-in response");
			this.store.recorded(answer.id(), "UNANSWERED", null);
			return Sent.UNANSWERED;
		}
		catch (BaseServerResponseException ex) {
			logger.info("The EHR refused a check-in response: HTTP {}", ex.getStatusCode());
			this.store.recorded(answer.id(), "REFUSED", null);
			return Sent.REFUSED;
		}
	}

	/**
	 * The response an answer makes, for the member's patient record.
	 * @param answer the answer
	 * @return the resource
	 */
	QuestionnaireResponse response(StoredAnswer answer) {
		Questionnaire questionnaire = this.catalog.resource(answer.questionnaire(), answer.questions());
		QuestionnaireResponse response = new QuestionnaireResponse();
		if (QuestionnaireCatalog.madeForEachMember(answer.questionnaire())) {
			// the questions asked were this member's own: the response carries them
			questionnaire.setId(ASKED);
			response.addContained(questionnaire);
			response.setQuestionnaire("#" + ASKED);
		}
		else {
			response.setQuestionnaire(questionnaire.getUrl() + "|" + questionnaire.getVersion());
		}
		response.setIdentifier(new Identifier().setSystem(this.identifierSystem).setValue(String.valueOf(answer.id())));
		response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		response.setSubject(new Reference("Patient/" + answer.patientId()));
		response.setAuthor(new Reference("Patient/" + answer.patientId()));
		response.setAuthored(Date.from(answer.answeredAt()));
		for (QuestionnaireItemComponent item : questionnaire.getItem()) {
			response.addItem(item(item, answer.values()));
		}
		return response;
	}

	private static QuestionnaireResponseItemComponent item(QuestionnaireItemComponent question,
			Map<String, Integer> values) {
		QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent();
		item.setLinkId(question.getLinkId());
		item.setText(question.getText());
		int value = values.get(question.getLinkId());
		if (question.getType() == Questionnaire.QuestionnaireItemType.INTEGER) {
			item.addAnswer().setValue(new IntegerType(value));
			return item;
		}
		Coding chosen = question.getAnswerOption()
			.stream()
			.filter((option) -> ordinal(option) == value)
			.map((option) -> option.getValueCoding().copy())
			.findFirst()
			.orElseThrow();
		item.addAnswer().setValue(chosen);
		return item;
	}

	private static int ordinal(Questionnaire.QuestionnaireItemAnswerOptionComponent option) {
		return ((org.hl7.fhir.r4.model.DecimalType) option
			.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/ordinalValue")
			.getValue()).getValueAsInteger();
	}

	/** What became of sending an answer. */
	public enum Sent {

		/** The EHR created it. */
		SENT,
		/** The EHR refused it; the answer stays in Kinship. */
		REFUSED,
		/**
		 * The EHR did not answer; the answer stays in Kinship, and sending it again does
		 * not save it twice.
		 */
		UNANSWERED,
		/** It did not pass validation against its Questionnaire, and was not sent. */
		INVALID,
		/** The session's tokens no longer work: the member opens Kinship again. */
		RELAUNCH

	}

}
