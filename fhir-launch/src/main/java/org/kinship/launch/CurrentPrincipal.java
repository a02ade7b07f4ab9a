package org.kinship.launch;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The Kinship principal of the current request, for code that is not a controller
 * (controllers declare a {@link KinshipPrincipal} parameter instead).
 */
public final class CurrentPrincipal {

	private CurrentPrincipal() {
	}

	/**
	 * The principal of the launched session on this thread.
	 * @return the principal, or empty before a launch
	 */
	public static Optional<KinshipPrincipal> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof OAuth2User user
				&& user.getAttributes().get(PRINCIPAL_ATTRIBUTE) instanceof KinshipPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	/**
	 * The Kinship principal behind an authenticated user, as a WebSocket session or a
	 * STOMP frame carries it.
	 * @param user the user, or {@code null}
	 * @return the principal, or empty when there is none
	 */
	public static Optional<KinshipPrincipal> from(java.security.@org.jspecify.annotations.Nullable Principal user) {
		if (user instanceof Authentication authentication && authentication.getPrincipal() instanceof OAuth2User oauth
				&& oauth.getAttributes().get(PRINCIPAL_ATTRIBUTE) instanceof KinshipPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	/** The OAuth2 user attribute that holds the Kinship principal. */
	public static final String PRINCIPAL_ATTRIBUTE = "kinship_principal";

}
