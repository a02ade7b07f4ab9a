package org.kinship.launch.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.KinshipRole;

/**
 * A {@code fhirUser} claim, relative or absolute, reduced to {@code Type/id}, and the
 * role its resource type stands for.
 *
 * @param resourceType the FHIR resource type
 * @param id the resource id
 */
record FhirUserReference(String resourceType, String id) {

	private static final Pattern REFERENCE = Pattern
		.compile("(?:^|/)(Patient|RelatedPerson|Practitioner|PractitionerRole|Person)/([A-Za-z0-9\\-.]{1,64})$");

	static Optional<FhirUserReference> parse(@Nullable String claim) {
		if (claim == null) {
			return Optional.empty();
		}
		String withoutHistory = claim.replaceFirst("/_history/.*$", "");
		Matcher matcher = REFERENCE.matcher(withoutHistory);
		return matcher.find() ? Optional.of(new FhirUserReference(matcher.group(1), matcher.group(2)))
				: Optional.empty();
	}

	Optional<KinshipRole> role() {
		return switch (this.resourceType) {
			case "Patient" -> Optional.of(KinshipRole.PATIENT);
			case "RelatedPerson" -> Optional.of(KinshipRole.CAREGIVER);
			case "Practitioner", "PractitionerRole" -> Optional.of(KinshipRole.CLINICIAN);
			default -> Optional.empty();
		};
	}

	String relative() {
		return this.resourceType + "/" + this.id;
	}

}
