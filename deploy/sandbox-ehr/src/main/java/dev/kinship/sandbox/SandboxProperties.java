package dev.kinship.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sandbox EHR ({@code sandbox}).
 *
 * @param accessTokenTtl lifetime of access tokens; tests set a few seconds
 * @param refreshTokenTtl lifetime of refresh tokens
 * @param clients the apps registered with this EHR
 * @param launcherClientId the app that the launcher page and {@code /launch} open
 * @param importPaths folders (or single files) of FHIR R4 transaction bundles loaded at
 * start
 * @param authorizationEndpoint path of the authorize endpoint; apps must find it through
 * discovery, so tests move it
 * @param tokenEndpoint path of the token endpoint
 * @param fhirLatency how long every FHIR request is held before it is answered, to stand
 * for an EHR across a network in benchmarks; none by default
 * @param portalHost the host name the portal page that frames an app is served under:
 * another site than the app's, as a hospital portal is
 * @param ehrHost the host name apps know this EHR by (their issuer's FHIR base), under
 * which the framed launch signs the person in
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(@DefaultValue("PT1H") Duration accessTokenTtl,
		@DefaultValue("P1D") Duration refreshTokenTtl, @DefaultValue @Valid List<Client> clients,
		@DefaultValue("kinship-portal") String launcherClientId, @DefaultValue List<String> importPaths,
		@DefaultValue("/oauth2/authorize") String authorizationEndpoint,
		@DefaultValue("/oauth2/token") String tokenEndpoint, @DefaultValue("PT0S") Duration fhirLatency,
		@DefaultValue("127.0.0.1") String portalHost, @DefaultValue("localhost") String ehrHost) {

	/**
	 * An app registered with the sandbox.
	 *
	 * @param clientId the client id
	 * @param name what the launcher page calls it
	 * @param authentication {@code none} (public), {@code client_secret_basic} or
	 * {@code private_key_jwt}
	 * @param secret the secret, for {@code client_secret_basic}
	 * @param jwkSetUrl where the app publishes its public keys, for
	 * {@code private_key_jwt}
	 * @param redirectUris the registered redirect URIs
	 * @param launchUrl the app's launch URL, opened with {@code iss} and {@code launch}
	 * @param backendServices whether the client may use the {@code client_credentials}
	 * grant with {@code system/*.rs} scopes
	 * @param assertionAlgorithm the algorithm of the client's {@code private_key_jwt}
	 * assertions: RS384 or ES384
	 */
	public record Client(@NotBlank String clientId, @DefaultValue("Kinship") String name,
			@DefaultValue("none") String authentication, @Nullable String secret, @Nullable URI jwkSetUrl,
			@DefaultValue List<URI> redirectUris, @Nullable URI launchUrl,
			@DefaultValue("false") boolean backendServices, @DefaultValue("RS384") String assertionAlgorithm) {
	}

	/**
	 * The registered client with this id.
	 * @param clientId the client id
	 * @return the client, or {@code null}
	 */
	public @Nullable Client client(@NotNull String clientId) {
		return this.clients.stream().filter((client) -> client.clientId().equals(clientId)).findFirst().orElse(null);
	}

}
