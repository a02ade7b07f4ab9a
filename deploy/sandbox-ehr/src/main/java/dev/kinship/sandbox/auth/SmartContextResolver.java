package dev.kinship.sandbox.auth;

import java.util.Optional;
import java.util.Set;

import dev.kinship.sandbox.people.Persona;
import dev.kinship.sandbox.people.Persona.PersonaRole;
import dev.kinship.sandbox.people.PersonaDirectory;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Component;

/**
 * Works out the launch context of an authorization: from the {@code launch} value for an
 * EHR launch, from the signed-in person for a standalone launch.
 */
@Component
class SmartContextResolver {

	private final PersonaDirectory personas;

	private final LaunchContexts launches;

	SmartContextResolver(PersonaDirectory personas, LaunchContexts launches) {
		this.personas = personas;
		this.launches = launches;
	}

	Optional<SmartContext> resolve(OAuth2Authorization authorization) {
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		if (request == null) {
			return Optional.empty();
		}
		return this.personas.find(authorization.getPrincipalName())
			.map((persona) -> resolve(persona, authorization.getAuthorizedScopes(),
					(String) request.getAdditionalParameters().get(SmartScopes.LAUNCH)));
	}

	private SmartContext resolve(Persona persona, Set<String> scopes, String launchId) {
		if (scopes.contains(SmartScopes.LAUNCH)) {
			LaunchContext launch = this.launches.find(launchId).orElse(null);
			if (launch != null) {
				return new SmartContext(persona.fhirUser(), persona.displayName(), launch.patientId(),
						launch.encounterId(), launch.needPatientBanner(), launch.intent());
			}
		}
		if (scopes.contains(SmartScopes.LAUNCH_PATIENT)) {
			return new SmartContext(persona.fhirUser(), persona.displayName(), persona.patientId(), null,
					persona.role() == PersonaRole.CLINICIAN, null);
		}
		return new SmartContext(persona.fhirUser(), persona.displayName(), null, null, false, null);
	}

}
