package org.kinship.launch;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.launch.IssuerRegistry.RegisteredIssuer;
import org.kinship.launch.internal.LaunchStart;

import org.springframework.stereotype.Component;

/**
 * Starts a SMART launch for a registered EHR: checks the EHR's discovery document now, so
 * that an EHR that is down gives a clear page instead of a failed redirect, and remembers
 * the {@code launch} value for the authorize request.
 */
@Component
public class SmartLaunches {

	private final LaunchStart start;

	private final AuditLog audit;

	SmartLaunches(LaunchStart start, AuditLog audit) {
		this.start = start;
		this.audit = audit;
	}

	/**
	 * Begins a launch.
	 * @param issuer the registered EHR
	 * @param launch the EHR's {@code launch} value, or {@code null} for a standalone
	 * launch
	 * @param request the request, whose session keeps the pending launch
	 * @return where to send the browser, or empty when the EHR cannot be reached
	 */
	public Optional<String> begin(RegisteredIssuer issuer, @Nullable String launch, HttpServletRequest request) {
		boolean standalone = launch == null || launch.isBlank();
		String registrationId = standalone ? issuer.standaloneRegistrationId() : issuer.key();
		if (!this.start.begin(issuer, launch, registrationId, request)) {
			this.audit.record(new AuditEntry(issuer.fhirBaseUrl(), null, null, AuditAction.LAUNCH_FAILED, null,
					"ehr_unavailable"));
			return Optional.empty();
		}
		return Optional.of(request.getContextPath() + "/oauth2/authorization/" + registrationId);
	}

}
