package dev.kinship.sandbox.fhir;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Read and search for one resource type, over the in-memory store. Who may see what is
 * decided by the authorization interceptor, not here: that covers resources brought in
 * with {@code _include} too.
 */
class StoredResourceProvider implements IResourceProvider {

	private final Class<? extends IBaseResource> type;

	private final ResourceStore store;

	private final SearchMatcher matcher;

	StoredResourceProvider(Class<? extends IBaseResource> type, ResourceStore store, SearchMatcher matcher) {
		this.type = type;
		this.store = store;
		this.matcher = matcher;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return this.type;
	}

	@Read
	public IBaseResource read(@IdParam IIdType id) {
		return this.store.get(typeName(), id.getIdPart())
			.orElseThrow(() -> new ResourceNotFoundException(typeName() + "/" + id.getIdPart()));
	}

	@Search(allowUnknownParams = false)
	public List<IBaseResource> search(@OptionalParam(name = "_id") TokenParam id,
			@OptionalParam(name = "patient") ReferenceParam patient,
			@OptionalParam(name = "subject") ReferenceParam subject,
			@OptionalParam(name = "code") TokenOrListParam code,
			@OptionalParam(name = "status") TokenOrListParam status,
			@OptionalParam(name = "clinical-status") TokenOrListParam clinicalStatus,
			@OptionalParam(name = "date") DateRangeParam date,
			@OptionalParam(name = "identifier") TokenParam identifier, @IncludeParam(allow = { "CareTeam:participant",
					"Appointment:practitioner", "Appointment:actor", "CarePlan:goal" }) Set<Include> includes) {
		Predicate<IBaseResource> wanted = (resource) -> true;
		if (id != null) {
			wanted = wanted.and((resource) -> resource.getIdElement().getIdPart().equals(id.getValue()));
		}
		ReferenceParam owner = (patient != null) ? patient : subject;
		if (owner != null) {
			String patientId = owner.getIdPart();
			wanted = wanted.and((resource) -> this.matcher.inPatientCompartment(resource, patientId));
		}
		if (code != null) {
			wanted = wanted.and((resource) -> SearchMatcher.matchesCode(resource, code));
		}
		if (status != null) {
			wanted = wanted.and((resource) -> this.matcher.matchesStatus(resource, status));
		}
		if (clinicalStatus != null) {
			wanted = wanted.and((resource) -> SearchMatcher.matchesClinicalStatus(resource, clinicalStatus));
		}
		if (date != null) {
			wanted = wanted.and((resource) -> SearchMatcher.matchesDate(resource, date));
		}
		if (identifier != null) {
			wanted = wanted.and((resource) -> this.matcher.matchesIdentifier(resource, identifier));
		}
		List<IBaseResource> found = this.store.all(typeName()).stream().filter(wanted).toList();
		return (includes == null || includes.isEmpty()) ? found
				: found.stream().map((resource) -> this.matcher.withIncluded(resource, includes, this.store)).toList();
	}

	ResourceStore store() {
		return this.store;
	}

	SearchMatcher matcher() {
		return this.matcher;
	}

	String typeName() {
		return this.type.getSimpleName();
	}

}
