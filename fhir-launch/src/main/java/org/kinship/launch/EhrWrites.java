package org.kinship.launch;

import java.util.Optional;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.util.UrlUtil;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Creates that Kinship may send more than once, because it tries again when the EHR did
 * not answer: each is a FHIR conditional create ({@code If-None-Exist} on the resource's
 * identifier), so that an EHR which created the resource but whose answer was lost
 * answers the one it holds (200) instead of storing a second copy. An EHR that finds
 * several answers 412, a client error; one that does not support conditional creates
 * ignores the header and creates, as before.
 */
public final class EhrWrites {

	private EhrWrites() {
	}

	/**
	 * The id of a resource created once, for a write that cannot go on without it.
	 * @param client the FHIR client
	 * @param resource the resource, carrying the identifier
	 * @param system the identifier's system
	 * @param value the identifier's value
	 * @return the id of the resource created or found
	 * @throws IllegalStateException when the EHR answered without saying which resource
	 * it is
	 */
	public static String createOnceForId(IGenericClient client, IBaseResource resource, String system, String value) {
		return createOnce(client, resource, system, value).orElseThrow(() -> new IllegalStateException(
				"The EHR answered a " + client.getFhirContext().getResourceType(resource) + " create without its id"));
	}

	/**
	 * Creates a resource unless the EHR already holds one of its type with this
	 * identifier.
	 * @param client the FHIR client
	 * @param resource the resource, carrying the identifier
	 * @param system the identifier's system, such as {@code urn:kinship:referral}
	 * @param value the identifier's value, Kinship's own id
	 * @return the id (id part only) of the resource created or found, empty when the EHR
	 * answered without saying which it is
	 * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException when the EHR
	 * failed or refused, or did not answer
	 */
	public static Optional<String> createOnce(IGenericClient client, IBaseResource resource, String system,
			String value) {
		String type = client.getFhirContext().getResourceType(resource);
		// the header as FHIR defines it, the search parameters alone: HAPI's own
		// conditional create puts the whole URL there, which not every EHR takes
		MethodOutcome outcome = client.create()
			.resource(resource)
			.withAdditionalHeader(Constants.HEADER_IF_NONE_EXIST, identifierSearch(system, value))
			.execute();
		IIdType id = outcome.getId();
		if ((id == null || !id.hasIdPart()) && outcome.getResource() != null) {
			id = outcome.getResource().getIdElement();
		}
		return (id != null && id.hasIdPart()) ? Optional.of(id.getIdPart()) : Optional.empty();
	}

	/**
	 * The search that finds a resource by identifier, as sent in {@code If-None-Exist}.
	 * @param system the identifier's system
	 * @param value its value
	 * @return such as {@code identifier=urn%3Akinship%3Areferral%7C42}
	 */
	public static String identifierSearch(String system, String value) {
		return "identifier=" + UrlUtil.escapeUrlParam(system + "|" + value);
	}

}
