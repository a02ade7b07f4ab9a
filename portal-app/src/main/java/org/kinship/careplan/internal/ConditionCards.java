package org.kinship.careplan.internal;

import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;

/**
 * The patient's active conditions: active, recurring or relapsed, and neither refuted nor
 * entered in error. A condition about another patient is dropped and noted.
 */
final class ConditionCards {

	private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");

	private static final Set<String> NOT_TRUE = Set.of("refuted", "entered-in-error");

	private ConditionCards() {
	}

	static List<ConditionCard> map(List<Resource> resources, MappingContext context) {
		return resources.stream()
			.filter(Condition.class::isInstance)
			.map(Condition.class::cast)
			.filter((condition) -> context.owns(condition, List.of(condition.getSubject())))
			.filter((condition) -> has(condition.getClinicalStatus(), ACTIVE)
					&& !has(condition.getVerificationStatus(), NOT_TRUE))
			.map((condition) -> new ConditionCard(condition.getIdElement().getIdPart(),
					PlainText.of(condition.getCode()), PlainText.codings(condition.getCode())))
			.toList();
	}

	private static boolean has(CodeableConcept status, Set<String> codes) {
		return status.getCoding().stream().anyMatch((coding) -> codes.contains(coding.getCode()));
	}

}
