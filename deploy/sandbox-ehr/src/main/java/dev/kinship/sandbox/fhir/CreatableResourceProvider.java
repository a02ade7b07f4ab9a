package dev.kinship.sandbox.fhir;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.util.UrlUtil;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * Read, search and create for a type apps write (Communication, QuestionnaireResponse,
 * ServiceRequest, Task). A create may be conditional, as FHIR's {@code If-None-Exist}
 * header makes it: when one stored resource of the type matches its {@code identifier}
 * search, that one is answered (200) and nothing is stored; when several match, 412
 * Precondition Failed; otherwise the resource is created (201). So a client that did not
 * get the answer to its create, and tries again, finds the resource it wrote.
 */
class CreatableResourceProvider extends StoredResourceProvider {

	CreatableResourceProvider(Class<? extends IBaseResource> type, ResourceStore store, SearchMatcher matcher) {
		super(type, store, matcher);
	}

	/**
	 * Creates a resource, unless the conditional search finds it already stored.
	 * Synchronized, so that two conditional creates of one resource cannot both store it.
	 * @param resource the resource
	 * @param conditional the {@code If-None-Exist} search, such as
	 * {@code identifier=urn:example|42}, or {@code null}
	 * @return the outcome, created or found
	 */
	@Create
	public synchronized MethodOutcome create(@ResourceParam IBaseResource resource,
			@ConditionalUrlParam String conditional) {
		if (conditional != null && !conditional.isBlank()) {
			List<IBaseResource> found = matching(conditional);
			if (found.size() > 1) {
				throw new PreconditionFailedException(
						found.size() + " " + typeName() + " resources match the If-None-Exist search");
			}
			if (found.size() == 1) {
				IBaseResource existing = found.get(0);
				return new MethodOutcome(new IdType(typeName(), existing.getIdElement().getIdPart()), false)
					.setResource(existing);
			}
		}
		IdType id = new IdType(typeName(), UUID.randomUUID().toString());
		resource.setId(id);
		store().put(resource);
		return new MethodOutcome(id, true).setResource(resource);
	}

	/**
	 * The stored resources matching an {@code If-None-Exist} search: its query may come
	 * alone or after the type (HAPI's server has already taken off its own base URL).
	 * Only {@code identifier} is supported, as {@code system|value}.
	 */
	private List<IBaseResource> matching(String conditional) {
		String query = conditional.substring(conditional.indexOf('?') + 1);
		Map<String, String[]> parameters = UrlUtil.parseQueryString(query);
		if (parameters.isEmpty() || !parameters.keySet().equals(Set.of("identifier"))) {
			throw new InvalidRequestException("The sandbox's If-None-Exist supports only identifier, not: " + query);
		}
		List<TokenParam> identifiers = Arrays.stream(parameters.get("identifier")).map((value) -> {
			int bar = value.indexOf('|');
			return (bar < 0) ? new TokenParam(value)
					: new TokenParam(value.substring(0, bar), value.substring(bar + 1));
		}).toList();
		return store().all(typeName())
			.stream()
			.filter((stored) -> identifiers.stream().allMatch((token) -> matcher().matchesIdentifier(stored, token)))
			.toList();
	}

}
