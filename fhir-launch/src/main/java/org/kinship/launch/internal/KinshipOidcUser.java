package org.kinship.launch.internal;

import java.util.List;

import org.kinship.launch.KinshipPrincipal;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The authenticated user of a Kinship session: Spring's OpenID Connect user carrying the
 * Kinship principal. Its authorities come from the role and Kinship's own rights.
 */
class KinshipOidcUser extends DefaultOidcUser {

	private final KinshipPrincipal principal;

	KinshipOidcUser(OidcIdToken idToken, KinshipPrincipal principal) {
		super(authorities(principal), idToken);
		this.principal = principal;
	}

	KinshipPrincipal principal() {
		return this.principal;
	}

	@Override
	public java.util.Map<String, Object> getAttributes() {
		java.util.Map<String, Object> attributes = new java.util.HashMap<>(super.getAttributes());
		attributes.put(org.kinship.launch.CurrentPrincipal.PRINCIPAL_ATTRIBUTE, this.principal);
		return attributes;
	}

	@Override
	public String getName() {
		return this.principal.issuerKey() + "|" + this.principal.fhirUser();
	}

	private static List<SimpleGrantedAuthority> authorities(KinshipPrincipal principal) {
		var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + principal.role().name()));
		principal.rights().forEach((right) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + right.name())));
		return authorities;
	}

}
