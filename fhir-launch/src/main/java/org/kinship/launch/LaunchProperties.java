package org.kinship.launch;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the launch module ({@code kinship.launch}).
 *
 * @param issuers the hospitals whose EHRs may launch Kinship, by a short key of our
 * choosing
 */
@Validated
@ConfigurationProperties("kinship.launch")
public record LaunchProperties(@DefaultValue @Valid Map<String, Issuer> issuers) {

	/**
	 * One hospital's EHR.
	 *
	 * @param displayName the health system's name as patients know it
	 * @param fhirBaseUrl the FHIR base URL, which the EHR sends as {@code iss}
	 * @param clientId Kinship's client id at that EHR's authorization server
	 */
	public record Issuer(@NotBlank String displayName, @NotNull URI fhirBaseUrl, @NotBlank String clientId) {
	}

}
