package org.kinship.careplan.internal;

import java.util.StringJoiner;

import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The name of a person or organisation a reference points to: the reference's display,
 * else the name of the resource the EHR included with the results.
 */
final class Names {

	private Names() {
	}

	static @Nullable String of(Reference reference, MappingContext context) {
		String display = PlainText.clean(reference.getDisplay());
		if (display != null) {
			return display;
		}
		Resource included = context.included(reference);
		return (included != null) ? of(included) : null;
	}

	static @Nullable String of(Resource resource) {
		if (resource instanceof Practitioner practitioner && practitioner.hasName()) {
			return of(practitioner.getNameFirstRep());
		}
		if (resource instanceof RelatedPerson person && person.hasName()) {
			return of(person.getNameFirstRep());
		}
		if (resource instanceof Patient patient && patient.hasName()) {
			return of(patient.getNameFirstRep());
		}
		if (resource instanceof Organization organization) {
			return PlainText.clean(organization.getName());
		}
		if (resource instanceof PractitionerRole role) {
			return PlainText.clean(role.getPractitioner().getDisplay());
		}
		return null;
	}

	static @Nullable String of(HumanName name) {
		if (name.hasText()) {
			return PlainText.clean(name.getText());
		}
		StringJoiner parts = new StringJoiner(" ");
		name.getPrefix()
			.stream()
			.filter((prefix) -> prefix.hasValue())
			.forEach((prefix) -> parts.add(prefix.getValue()));
		name.getGiven().stream().filter((given) -> given.hasValue()).forEach((given) -> parts.add(given.getValue()));
		if (name.hasFamily()) {
			parts.add(name.getFamily());
		}
		return PlainText.clean(parts.toString());
	}

}
