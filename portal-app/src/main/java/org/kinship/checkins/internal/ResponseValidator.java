package org.kinship.checkins.internal;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

import org.springframework.stereotype.Component;

/**
 * HAPI's instance validator with the R4 core profiles and Kinship's own Questionnaires: a
 * {@code QuestionnaireResponse} is checked against the base specification and against its
 * Questionnaire (items, answer types, required answers, answer options) before it is sent
 * to a member's record. Made on first use, since loading the profiles takes seconds.
 */
@Component
class ResponseValidator {

	private final FhirContext fhir;

	private final QuestionnaireCatalog catalog;

	private volatile FhirValidator validator;

	ResponseValidator(FhirContext fhir, QuestionnaireCatalog catalog) {
		this.fhir = fhir;
		this.catalog = catalog;
	}

	/**
	 * The errors the validator finds.
	 * @param response the response to send
	 * @return the errors' messages (locations and rules, never answers), empty when valid
	 */
	List<String> errors(QuestionnaireResponse response) {
		ValidationResult result = validator().validateWithResult(response);
		return result.getMessages()
			.stream()
			.filter((message) -> message.getSeverity() == ResultSeverityEnum.ERROR
					|| message.getSeverity() == ResultSeverityEnum.FATAL)
			.map((message) -> message.getLocationString() + ": " + message.getMessage())
			.toList();
	}

	private FhirValidator validator() {
		FhirValidator current = this.validator;
		if (current == null) {
			synchronized (this) {
				if (this.validator == null) {
					this.validator = build();
				}
				current = this.validator;
			}
		}
		return current;
	}

	private FhirValidator build() {
		ValidationSupportChain chain = new ValidationSupportChain(new OwnQuestionnaires(this.fhir, this.catalog),
				new DefaultProfileValidationSupport(this.fhir),
				new InMemoryTerminologyServerValidationSupport(this.fhir),
				new CommonCodeSystemsTerminologyService(this.fhir));
		FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
		instanceValidator.setNoTerminologyChecks(true);
		FhirValidator validator = this.fhir.newValidator();
		validator.registerValidatorModule(instanceValidator);
		return validator;
	}

	/**
	 * Kinship's Questionnaires, found by their canonical URL (with or without version).
	 */
	private record OwnQuestionnaires(FhirContext fhir, QuestionnaireCatalog catalog) implements IValidationSupport {

		@Override
		public FhirContext getFhirContext() {
			return this.fhir;
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
			if (type != null && !type.isAssignableFrom(Questionnaire.class)) {
				return null;
			}
			String canonical = (url.indexOf('|') > 0) ? url.substring(0, url.indexOf('|')) : url;
			return (T) QuestionnaireCatalog.IDS.stream()
				.map((id) -> this.catalog.resource(id).orElseThrow())
				.filter((questionnaire) -> questionnaire.getUrl().equals(canonical))
				.findFirst()
				.orElse(null);
		}

	}

}
