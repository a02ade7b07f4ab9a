package org.kinship.launch.internal;

import java.util.List;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.RelatedPerson;

import org.springframework.stereotype.Component;

/**
 * Reads people's names from the record, with the user's own token, for the greeting and
 * the patient banner. A name that cannot be read is simply not shown.
 */
@Component
class RecordNames {

	private final FhirContext fhirContext;

	RecordNames(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	Optional<String> nameOf(String fhirBase, String accessToken, FhirUserReference who) {
		return personOf(fhirBase, accessToken, who).name();
	}

	/**
	 * Reads a person's name and e-mail address from their resource in one read.
	 * @param fhirBase the FHIR base URL
	 * @param accessToken the user's token
	 * @param who the person
	 * @return what the record gives; empty parts when it gives none or cannot be read
	 */
	RecordPerson personOf(String fhirBase, String accessToken, FhirUserReference who) {
		Class<? extends IBaseResource> type = switch (who.resourceType()) {
			case "Patient" -> Patient.class;
			case "RelatedPerson" -> RelatedPerson.class;
			case "Practitioner" -> Practitioner.class;
			default -> null;
		};
		if (type == null) {
			return RecordPerson.NONE;
		}
		try {
			IGenericClient client = this.fhirContext.newRestfulGenericClient(fhirBase);
			client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
			IBaseResource resource = client.read().resource(type).withId(who.id()).execute();
			return new RecordPerson(names(resource).stream().findFirst().map(RecordNames::format),
					email(telecoms(resource)));
		}
		catch (BaseServerResponseException ex) {
			return RecordPerson.NONE;
		}
	}

	private static List<ContactPoint> telecoms(IBaseResource resource) {
		if (resource instanceof Patient patient) {
			return patient.getTelecom();
		}
		if (resource instanceof RelatedPerson person) {
			return person.getTelecom();
		}
		return List.of();
	}

	/** The address in use, preferring the one the record ranks first. */
	private static Optional<String> email(List<ContactPoint> telecoms) {
		return telecoms.stream()
			.filter((point) -> point.getSystem() == ContactPoint.ContactPointSystem.EMAIL && point.hasValue())
			.filter((point) -> point.getUse() != ContactPoint.ContactPointUse.OLD && !point.getPeriod().hasEnd())
			.sorted(java.util.Comparator
				.comparingInt((ContactPoint point) -> point.hasRank() ? point.getRank() : Integer.MAX_VALUE))
			.map((point) -> point.getValue().strip())
			.filter((value) -> value.contains("@") && value.length() <= 254)
			.findFirst();
	}

	/**
	 * A person as the record gives them.
	 *
	 * @param name the name, formatted for display
	 * @param email the e-mail address in use
	 */
	record RecordPerson(Optional<String> name, Optional<String> email) {

		static final RecordPerson NONE = new RecordPerson(Optional.empty(), Optional.empty());

	}

	private static List<HumanName> names(IBaseResource resource) {
		if (resource instanceof Patient patient) {
			return patient.getName();
		}
		if (resource instanceof RelatedPerson person) {
			return person.getName();
		}
		if (resource instanceof Practitioner practitioner) {
			return practitioner.getName();
		}
		return List.of();
	}

	private static String format(HumanName name) {
		if (name.hasText()) {
			return name.getText();
		}
		java.util.StringJoiner parts = new java.util.StringJoiner(" ");
		name.getGiven().forEach((given) -> parts.add(given.getValue()));
		if (name.hasFamily()) {
			parts.add(name.getFamily());
		}
		return parts.toString();
	}

}
