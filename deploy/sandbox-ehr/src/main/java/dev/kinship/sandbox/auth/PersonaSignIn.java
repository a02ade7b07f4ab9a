package dev.kinship.sandbox.auth;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.kinship.sandbox.people.Persona;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a demo person into the sandbox's portal. Demo people have no password: picking
 * one is the sign-in, as in the public SMART launcher.
 */
@Component
public class PersonaSignIn {

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	/**
	 * Makes {@code persona} the signed-in user of this browser, as the portal's sign-in
	 * does, whoever was signed in before: the same person keeps their session under a new
	 * id, anyone else gets a new session, so that nothing of the previous person's (a
	 * request saved for after sign-in, a form token) carries over to the next.
	 * @param persona who signs in
	 * @param request the request
	 * @param response the response
	 */
	public void signIn(Persona persona, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null && persona.id().equals(signedIn(request))) {
			request.changeSessionId();
		}
		else if (session != null) {
			session.invalidate();
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(persona.id(), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + persona.role().name()),
						// the id_token's auth_time is taken from when this factor was
						// granted
						FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

	private @Nullable String signedIn(HttpServletRequest request) {
		Authentication current = this.repository.loadDeferredContext(request).get().getAuthentication();
		return (current != null && this.trust.isAuthenticated(current)) ? current.getName() : null;
	}

}
