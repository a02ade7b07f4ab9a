package org.kinship.launch.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.IssuerRegistry.RegisteredIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The first step of a launch: discovery (cached) and the pending launch in the session.
 */
@Component
public class LaunchStart {

	private static final Logger log = LoggerFactory.getLogger(LaunchStart.class);

	private final SmartDiscovery discovery;

	LaunchStart(SmartDiscovery discovery) {
		this.discovery = discovery;
	}

	/**
	 * Checks the EHR and keeps the launch for the authorize request.
	 * @param issuer the EHR
	 * @param launch the {@code launch} value, or {@code null}
	 * @param request the request
	 * @param registrationId the OAuth2 registration the launch goes on with
	 * @return whether the EHR's discovery document could be read
	 */
	public boolean begin(RegisteredIssuer issuer, @Nullable String launch, String registrationId,
			HttpServletRequest request) {
		try {
			this.discovery.configuration(issuer, issuer.fhirBaseUrlOf(registrationId));
		}
		catch (LaunchProblem ex) {
			log.warn("Launch from {} stopped: {}", issuer.key(), ex.getMessage());
			return false;
		}
		new PendingLaunch(issuer.key(), (launch != null && !launch.isBlank()) ? launch : null).store(request);
		return true;
	}

}
