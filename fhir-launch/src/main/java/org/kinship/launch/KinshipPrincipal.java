package org.kinship.launch;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The person using Kinship in this session, as the launch established them. Identity is
 * the issuer together with {@code fhirUser}. Holds no token.
 *
 * @param issuerKey the registration key of the EHR
 * @param issuer the EHR's FHIR base URL
 * @param fhirUser the user's FHIR resource, relative to the issuer ({@code Patient/123})
 * @param displayName the user's name as the record gives it
 * @param role patient, caregiver or clinician
 * @param rights Kinship's own rights for this user
 * @param patientId the patient in context, or {@code null}
 * @param encounterId the encounter in context, or {@code null}
 * @param needPatientBanner whether Kinship must show a patient banner
 * @param patientName the context patient's name, read once at launch for display only
 * (the banner, the home page, the care-plan panel; never logged), or {@code null} when
 * the grant does not cover it or the EHR did not give it
 * @param intent the launch intent, or {@code null}
 * @param tenant the EHR's tenant, or {@code null}
 * @param fhirContext references handed over in {@code fhirContext}
 * @param grantedScopes the scopes the EHR granted, perhaps fewer than asked for
 * @param style CSS variables from the portal's {@code smart_style_url}
 */
public record KinshipPrincipal(String issuerKey, String issuer, String fhirUser, String displayName, KinshipRole role,
		Set<CommunityRight> rights, @Nullable String patientId, @Nullable String encounterId, boolean needPatientBanner,
		@Nullable String patientName, @Nullable String intent, @Nullable String tenant, List<String> fhirContext,
		Set<String> grantedScopes, Map<String, String> style) implements Serializable {

	/**
	 * Whether the EHR granted read access to a resource type for the patient in context.
	 * @param resourceType a FHIR resource type
	 * @return true when a {@code patient/} scope (or a wildcard) allows reading it
	 */
	public boolean mayRead(String resourceType) {
		return allowsRead(this.grantedScopes, resourceType);
	}

	/**
	 * Whether granted scopes allow reading a resource type for the patient in context.
	 * @param grantedScopes the scopes the EHR granted
	 * @param resourceType a FHIR resource type
	 * @return true when a {@code patient/} scope (or a wildcard) allows reading it
	 */
	public static boolean allowsRead(Set<String> grantedScopes, String resourceType) {
		return grantedScopes.stream()
			.anyMatch((scope) -> scope.equals("patient/" + resourceType + ".rs")
					|| scope.equals("patient/" + resourceType + ".r") || scope.equals("patient/*.rs")
					|| scope.equals("patient/" + resourceType + ".read") || scope.equals("patient/*.read"));
	}

	/**
	 * Whether Kinship granted this user a right.
	 * @param right the right
	 * @return true if granted
	 */
	public boolean has(CommunityRight right) {
		return this.rights.contains(right);
	}

}
