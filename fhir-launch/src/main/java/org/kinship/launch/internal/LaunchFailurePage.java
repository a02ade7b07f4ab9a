package org.kinship.launch.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.CorrelationId;
import org.kinship.launch.IssuerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a failed launch ends: the audit log gets the error code, the log gets the code
 * and correlation id (never a token or health data), and the person gets a page that says
 * what happened and what to do.
 */
class LaunchFailurePage implements AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(LaunchFailurePage.class);

	/** Errors an EHR's authorization endpoint answers with, before any token exists. */
	private static final java.util.Set<String> AUTHORIZE_ERRORS = java.util.Set.of("invalid_request",
			"unauthorized_client", "access_denied", "unsupported_response_type", "invalid_scope");

	private final AuditLog audit;

	private final IssuerRegistry issuers;

	LaunchFailurePage(AuditLog audit, IssuerRegistry issuers) {
		this.audit = audit;
		this.issuers = issuers;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String code = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: "launch_failed";
		String issuer = issuerOf(request);
		// the EHR's own words for a refused authorization request say which rule it
		// applied;
		// errors of the token exchange are not described, since they may quote a response
		String description = (exception instanceof OAuth2AuthenticationException oauth
				&& AUTHORIZE_ERRORS.contains(code)) ? oauth.getError().getDescription() : null;
		log.warn("Launch failed: {} ({}) from {}: {}", code, exception.getClass().getSimpleName(), issuer, description);
		this.audit.record(new AuditEntry(issuer, null, null, AuditAction.LAUNCH_FAILED, null, code));
		String target = UriComponentsBuilder.fromPath(request.getContextPath() + "/launch/problem")
			.queryParam("code", code)
			.queryParam("ref", CorrelationId.current())
			.build()
			.toUriString();
		response.sendRedirect(target);
	}

	private String issuerOf(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String key = uri.substring(uri.lastIndexOf('/') + 1);
		return this.issuers.findByRegistrationId(key).map((issuer) -> issuer.fhirBaseUrl()).orElse("unknown");
	}

}
