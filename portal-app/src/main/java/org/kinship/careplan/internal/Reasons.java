package org.kinship.careplan.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/** What an item is for, from its reason codes and its references to Conditions. */
final class Reasons {

	private Reasons() {
	}

	static Concerns of(List<CodeableConcept> codes, List<Reference> references) {
		Set<Coded> codings = new HashSet<>();
		codes.forEach((concept) -> codings.addAll(PlainText.codings(concept)));
		return new Concerns(codings, conditionIds(references));
	}

	static Set<String> conditionIds(List<Reference> references) {
		return ids(references, "Condition");
	}

	static Set<String> ids(List<Reference> references, String type) {
		Set<String> ids = new HashSet<>();
		for (Reference reference : references) {
			if (reference.hasReference()) {
				IdType target = new IdType(reference.getReference());
				if (type.equals(target.getResourceType()) && target.hasIdPart()) {
					ids.add(target.getIdPart());
				}
			}
		}
		return ids;
	}

}
