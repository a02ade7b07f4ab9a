package dev.kinship.sandbox.fhir;

import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * Read, search and create for a type apps write (Communication, QuestionnaireResponse,
 * ServiceRequest, Task).
 */
class CreatableResourceProvider extends StoredResourceProvider {

	CreatableResourceProvider(Class<? extends IBaseResource> type, ResourceStore store, SearchMatcher matcher) {
		super(type, store, matcher);
	}

	@Create
	public MethodOutcome create(@ResourceParam IBaseResource resource) {
		IdType id = new IdType(typeName(), UUID.randomUUID().toString());
		resource.setId(id);
		store().put(resource);
		return new MethodOutcome(id, true).setResource(resource);
	}

}
