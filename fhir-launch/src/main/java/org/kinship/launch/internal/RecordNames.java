package org.kinship.launch.internal;

import java.util.List;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
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
		Class<? extends IBaseResource> type = switch (who.resourceType()) {
			case "Patient" -> Patient.class;
			case "RelatedPerson" -> RelatedPerson.class;
			case "Practitioner" -> Practitioner.class;
			default -> null;
		};
		if (type == null) {
			return Optional.empty();
		}
		try {
			IGenericClient client = this.fhirContext.newRestfulGenericClient(fhirBase);
			client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
			IBaseResource resource = client.read().resource(type).withId(who.id()).execute();
			return names(resource).stream().findFirst().map(RecordNames::format);
		}
		catch (BaseServerResponseException ex) {
			return Optional.empty();
		}
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
