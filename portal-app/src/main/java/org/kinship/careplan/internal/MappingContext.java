package org.kinship.careplan.internal;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * What mapping one search needs besides its results: whose record it is, the resources
 * the EHR included, and where to note resources of another patient.
 *
 * @param patientId the patient in context
 * @param issuer the EHR's FHIR base URL
 * @param included resources the EHR sent with {@code _include}, by {@code Type/id}
 * @param foreign the resource types dropped because they were about another patient
 */
record MappingContext(String patientId, String issuer, Map<String, Resource> included, Queue<String> foreign) {

	static MappingContext of(String patientId, String issuer, Map<String, Resource> included) {
		return new MappingContext(patientId, issuer, included, new ConcurrentLinkedQueue<>());
	}

	MappingContext with(Map<String, Resource> moreIncluded) {
		return new MappingContext(this.patientId, this.issuer, moreIncluded, this.foreign);
	}

	/**
	 * Whether a resource belongs to the patient in context, going by its patient
	 * references; one about someone else is noted as foreign. A resource that names no
	 * patient cannot be shown either, since nothing says whose it is.
	 * @param resource the resource
	 * @param patients its references to the patient it is about
	 * @return true when at least one names the patient in context and none another
	 */
	boolean owns(Resource resource, List<Reference> patients) {
		boolean own = false;
		for (Reference reference : patients) {
			Boolean ours = isOurPatient(reference);
			if (Boolean.FALSE.equals(ours)) {
				this.foreign.add(resource.fhirType());
				return false;
			}
			own |= Boolean.TRUE.equals(ours);
		}
		return own;
	}

	private @Nullable Boolean isOurPatient(Reference reference) {
		if (!reference.hasReference()) {
			return null;
		}
		IdType target = new IdType(reference.getReference());
		if (!"Patient".equals(target.getResourceType())) {
			return null;
		}
		boolean sameServer = !target.hasBaseUrl() || strip(target.getBaseUrl()).equals(strip(this.issuer));
		return sameServer && this.patientId.equals(target.getIdPart());
	}

	/**
	 * A resource the EHR sent with the results, for a reference.
	 * @param reference the reference
	 * @return the included resource, or {@code null}
	 */
	@Nullable Resource included(Reference reference) {
		if (reference.getResource() instanceof Resource contained) {
			return contained;
		}
		if (!reference.hasReference()) {
			return null;
		}
		IdType target = new IdType(reference.getReference());
		return (target.hasResourceType() && target.hasIdPart())
				? this.included.get(target.getResourceType() + "/" + target.getIdPart()) : null;
	}

	private static String strip(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
