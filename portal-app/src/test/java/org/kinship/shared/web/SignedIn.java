package org.kinship.shared.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.launch.CommunityRight;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

/**
 * People launched into Kinship for tests of pages and frames: the authentication a SMART
 * launch leaves in the security context, holding the {@link KinshipPrincipal} that
 * controllers take as a parameter and frames carry as their user.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/**
	 * A patient with no community rights.
	 * @param id the patient's id
	 * @return the principal
	 */
	public static KinshipPrincipal patient(String id) {
		return new KinshipPrincipal("sandbox", "https://ehr.example/fhir", "Patient/" + id, "Pat " + id,
				KinshipRole.PATIENT, Set.of(), id, null, false, null, null, null, List.of(), Set.of(), Map.of());
	}

	/**
	 * A clinician who manages the community.
	 * @param id the practitioner's id
	 * @return the principal
	 */
	public static KinshipPrincipal manager(String id) {
		return new KinshipPrincipal("sandbox", "https://ehr.example/fhir", "Practitioner/" + id, "Dr " + id,
				KinshipRole.CLINICIAN, Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null,
				List.of(), Set.of(), Map.of());
	}

	/**
	 * The authentication a launch leaves behind.
	 * @param principal who launched
	 * @return the authentication
	 */
	public static Authentication authentication(KinshipPrincipal principal) {
		DefaultOAuth2User user = new DefaultOAuth2User(AuthorityUtils.createAuthorityList("ROLE_USER"),
				Map.of("sub", principal.fhirUser(), CurrentPrincipal.PRINCIPAL_ATTRIBUTE, principal), "sub");
		AbstractAuthenticationToken token = new OAuth2AuthenticationToken(user, user.getAuthorities(), "sandbox");
		return token;
	}

	/**
	 * Puts a launched person in this thread's security context, where MockMvc's requests
	 * (run on the test's thread) find them.
	 * @param principal who launched
	 */
	public static void as(KinshipPrincipal principal) {
		SecurityContextHolder.getContext().setAuthentication(authentication(principal));
	}

	/** Forgets the person again. */
	public static void out() {
		SecurityContextHolder.clearContext();
	}

}
