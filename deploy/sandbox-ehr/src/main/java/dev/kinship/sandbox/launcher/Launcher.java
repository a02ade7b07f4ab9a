package dev.kinship.sandbox.launcher;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.kinship.sandbox.SandboxProperties;
import dev.kinship.sandbox.SandboxProperties.Client;
import dev.kinship.sandbox.auth.LaunchContext;
import dev.kinship.sandbox.auth.LaunchContexts;
import dev.kinship.sandbox.auth.PersonaSignIn;
import dev.kinship.sandbox.people.Persona;
import dev.kinship.sandbox.people.Persona.PersonaRole;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signs the person into the portal and works out where the app is opened: for an EHR
 * launch, the app's launch URL with {@code iss} and a fresh {@code launch}; for a
 * standalone launch, the app's launch URL with {@code iss} only.
 */
@Component
class Launcher {

	private final SandboxProperties properties;

	private final LaunchContexts launches;

	private final PersonaSignIn signIn;

	Launcher(SandboxProperties properties, LaunchContexts launches, PersonaSignIn signIn) {
		this.properties = properties;
		this.launches = launches;
		this.signIn = signIn;
	}

	List<Client> launchableClients() {
		return this.properties.clients().stream().filter((client) -> client.launchUrl() != null).toList();
	}

	String launch(Persona persona, LaunchMode mode, String clientId, @Nullable String intent,
			HttpServletRequest request, HttpServletResponse response) {
		Client client = this.properties.client(clientId);
		if (client == null || client.launchUrl() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No launchable app with client id " + clientId);
		}
		this.signIn.signIn(persona, request, response);
		String fhirBase = ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir").build().toUriString();
		UriComponentsBuilder target = UriComponentsBuilder.fromUri(client.launchUrl()).queryParam("iss", fhirBase);
		if (mode == LaunchMode.EHR) {
			boolean providerLaunch = persona.role() == PersonaRole.CLINICIAN;
			LaunchContext launch = this.launches.create(persona, clientId, providerLaunch, intent);
			target.queryParam("launch", launch.id());
		}
		return target.encode().build().toUriString();
	}

	/**
	 * The portal page that frames the app, under the portal's host name.
	 */
	String portalPage(Persona persona, LaunchMode mode, String clientId, @Nullable String intent) {
		return launchParameters(
				ServletUriComponentsBuilder.fromCurrentContextPath().host(this.properties.portalHost()).path("/portal"),
				persona, mode, clientId, intent);
	}

	/**
	 * What the portal page's frame opens: the launch, under the host name apps know this
	 * EHR by, so that the person is signed in where the app sends them to authorize.
	 */
	String framedLaunch(Persona persona, LaunchMode mode, String clientId, @Nullable String intent) {
		Client client = this.properties.client(clientId);
		if (client == null || client.launchUrl() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No launchable app with client id " + clientId);
		}
		return launchParameters(
				ServletUriComponentsBuilder.fromCurrentContextPath().host(this.properties.ehrHost()).path("/launch"),
				persona, mode, clientId, intent);
	}

	private static String launchParameters(UriComponentsBuilder target, Persona persona, LaunchMode mode,
			String clientId, @Nullable String intent) {
		target.queryParam("persona", persona.id())
			.queryParam("mode", mode.name().toLowerCase(java.util.Locale.ROOT))
			.queryParam("client", clientId);
		if (intent != null) {
			target.queryParam("intent", intent);
		}
		return target.encode().build().toUriString();
	}

}
