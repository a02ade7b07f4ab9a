package dev.kinship.sandbox.fhir;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.util.FhirTerser;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;

/**
 * The few search parameters the sandbox supports, matched explicitly per resource type:
 * {@code patient}, {@code code}, {@code status}, {@code clinical-status}, {@code date}
 * and {@code identifier}; and the few {@code _include}s, each with the element it follows
 * and the types it may bring in.
 */
final class SearchMatcher {

	private static final Map<String, Followed> INCLUDES = Map.of("CareTeam:participant",
			new Followed("participant.member", Set.of()), "Appointment:actor",
			new Followed("participant.actor", Set.of()), "Appointment:practitioner",
			new Followed("participant.actor", Set.of("Practitioner")), "CarePlan:goal",
			new Followed("goal", Set.of("Goal")));

	private final FhirTerser terser;

	SearchMatcher(FhirContext context) {
		this.terser = context.newTerser();
	}

	boolean inPatientCompartment(IBaseResource resource, String patientId) {
		if ("Patient".equals(resource.fhirType())) {
			return resource.getIdElement().getIdPart().equals(patientId);
		}
		return this.terser.isSourceInCompartmentForTarget("Patient", resource, new IdType("Patient", patientId));
	}

	/**
	 * A copy of a resource whose references named by the includes carry the stored
	 * resources they point to, which HAPI then adds to the bundle as {@code include}
	 * entries. The stored resource is left as it is.
	 */
	IBaseResource withIncluded(IBaseResource resource, Set<Include> includes, ResourceStore store) {
		IBaseResource copy = ((org.hl7.fhir.r4.model.Resource) resource).copy();
		for (ResourceReferenceInfo reference : this.terser.getAllResourceReferences(copy)) {
			IIdType target = reference.getResourceReference().getReferenceElement();
			boolean wanted = includes.stream()
				.map((include) -> INCLUDES.get(include.getValue()))
				.anyMatch((followed) -> followed != null && followed.follows(reference.getName(), target));
			if (wanted && target.hasResourceType() && target.hasIdPart()) {
				store.get(target.getResourceType(), target.getIdPart())
					.ifPresent((found) -> reference.getResourceReference().setResource((IAnyResource) found));
			}
		}
		return copy;
	}

	static boolean matchesCode(IBaseResource resource, TokenOrListParam wanted) {
		return codes(resource).stream()
			.anyMatch((coding) -> wanted.getValuesAsQueryTokens()
				.stream()
				.anyMatch((token) -> matches(token, coding.getSystem(), coding.getCode())));
	}

	boolean matchesStatus(IBaseResource resource, TokenOrListParam wanted) {
		String status = (resource instanceof Goal goal) ? goal.getLifecycleStatus().toCode()
				: this.terser.getSinglePrimitiveValueOrNull(resource, "status");
		return status != null
				&& wanted.getValuesAsQueryTokens().stream().anyMatch((token) -> token.getValue().equals(status));
	}

	/**
	 * Whether one of a resource's identifiers matches a token: the value always, the
	 * system when the token names one.
	 */
	boolean matchesIdentifier(IBaseResource resource, TokenParam wanted) {
		return this.terser.getValues(resource, "identifier", Identifier.class)
			.stream()
			.anyMatch((identifier) -> matches(wanted, identifier.getSystem(), identifier.getValue()));
	}

	static boolean matchesClinicalStatus(IBaseResource resource, TokenOrListParam wanted) {
		if (!(resource instanceof Condition condition)) {
			return false;
		}
		return condition.getClinicalStatus()
			.getCoding()
			.stream()
			.anyMatch((coding) -> wanted.getValuesAsQueryTokens()
				.stream()
				.anyMatch((token) -> matches(token, coding.getSystem(), coding.getCode())));
	}

	static boolean matchesDate(IBaseResource resource, DateRangeParam range) {
		return date(resource).map((value) -> {
			Date lower = range.getLowerBoundAsInstant();
			Date upper = range.getUpperBoundAsInstant();
			return (lower == null || !value.before(lower)) && (upper == null || !value.after(upper));
		}).orElse(false);
	}

	private static boolean matches(TokenParam token, String system, String code) {
		boolean systemMatches = token.getSystem() == null || token.getSystem().isEmpty()
				|| token.getSystem().equals(system);
		return systemMatches && token.getValue() != null && token.getValue().equals(code);
	}

	private static List<Coding> codes(IBaseResource resource) {
		CodeableConcept concept = null;
		if (resource instanceof Condition condition) {
			concept = condition.getCode();
		}
		else if (resource instanceof MedicationRequest request && request.hasMedicationCodeableConcept()) {
			concept = request.getMedicationCodeableConcept();
		}
		else if (resource instanceof Observation observation) {
			concept = observation.getCode();
		}
		else if (resource instanceof Goal goal) {
			concept = goal.getDescription();
		}
		return (concept != null) ? concept.getCoding() : List.of();
	}

	private static Optional<Date> date(IBaseResource resource) {
		if (resource instanceof Appointment appointment) {
			return Optional.ofNullable(appointment.getStart());
		}
		if (resource instanceof Encounter encounter) {
			return Optional.ofNullable(encounter.getPeriod().getStart());
		}
		if (resource instanceof CarePlan carePlan) {
			return Optional.ofNullable(carePlan.getPeriod().getStart());
		}
		if (resource instanceof Condition condition && condition.hasOnsetDateTimeType()) {
			return Optional.ofNullable(condition.getOnsetDateTimeType().getValue());
		}
		if (resource instanceof MedicationRequest request) {
			return Optional.ofNullable(request.getAuthoredOn());
		}
		return Optional.empty();
	}

	/**
	 * What an include follows: the path of the reference element, and the types it brings
	 * in (any when empty).
	 */
	private record Followed(String path, Set<String> types) {

		boolean follows(String name, IIdType target) {
			return this.path.equals(name) && (this.types.isEmpty() || this.types.contains(target.getResourceType()));
		}

	}

}
