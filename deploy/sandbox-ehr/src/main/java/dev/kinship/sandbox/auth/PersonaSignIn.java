package dev.kinship.sandbox.auth;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.kinship.sandbox.people.Persona;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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

	/**
	 * Makes {@code persona} the signed-in user of this browser session, with a new
	 * session id.
	 * @param persona who signs in
	 * @param request the request
	 * @param response the response
	 */
	public void signIn(Persona persona, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
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

}
