package org.kinship.launch;

import java.util.function.Function;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.launch.internal.ForcedRefresh;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * FHIR clients bound to the current user's own token and EHR. The token is refreshed
 * shortly before it expires, and once more when the EHR answers 401; when that fails the
 * caller gets {@link RelaunchRequiredException}. Every call is recorded in the audit log.
 */
@Component
public class FhirClients {

	private final FhirContext fhirContext;

	private final OAuth2AuthorizedClientManager authorizedClients;

	private final ForcedRefresh forcedRefresh;

	private final AuditLog audit;

	private final IssuerRegistry issuers;

	private final FhirCallMeters meters;

	FhirClients(FhirContext fhirContext, OAuth2AuthorizedClientManager authorizedClients, ForcedRefresh forcedRefresh,
			AuditLog audit, IssuerRegistry issuers, FhirCallMeters meters) {
		this.fhirContext = fhirContext;
		this.authorizedClients = authorizedClients;
		this.forcedRefresh = forcedRefresh;
		this.audit = audit;
		this.issuers = issuers;
		this.meters = meters;
	}

	/**
	 * Runs FHIR work with the current user's token, retrying once after a refresh if the
	 * EHR answers 401. Must be called on a request thread of a launched session.
	 * @param <T> the result type
	 * @param principal the current user
	 * @param work what to do with the client
	 * @return the work's result
	 * @throws RelaunchRequiredException when the token cannot be renewed
	 */
	public <T> T withUserToken(KinshipPrincipal principal, Function<IGenericClient, T> work) {
		String registrationId = registrationId(principal);
		String fhirBase = this.issuers.findByRegistrationId(registrationId)
			.map((issuer) -> issuer.fhirBaseUrlOf(registrationId))
			.orElse(principal.issuer());
		OAuth2AuthorizedClient client = authorize(principal, registrationId);
		try {
			return work.apply(clientFor(principal, fhirBase, client.getAccessToken().getTokenValue()));
		}
		catch (AuthenticationException ex) {
			OAuth2AuthorizedClient renewed = this.forcedRefresh.refresh(client, currentAuthentication(), request(),
					response());
			if (renewed == null) {
				throw relaunch(principal, ex);
			}
			this.audit.record(entry(principal, AuditAction.TOKEN_REFRESH, null, AuditEntry.SUCCESS));
			return work.apply(clientFor(principal, fhirBase, renewed.getAccessToken().getTokenValue()));
		}
	}

	/**
	 * The registration this session launched with: the issuer's own, or its standalone
	 * one where standalone launches have a FHIR base of their own.
	 */
	private static String registrationId(KinshipPrincipal principal) {
		return (currentAuthentication() instanceof OAuth2AuthenticationToken token)
				? token.getAuthorizedClientRegistrationId() : principal.issuerKey();
	}

	private OAuth2AuthorizedClient authorize(KinshipPrincipal principal, String registrationId) {
		try {
			OAuth2AuthorizedClient client = this.authorizedClients
				.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
					.principal(currentAuthentication())
					.attribute(HttpServletRequest.class.getName(), request())
					.attribute(HttpServletResponse.class.getName(), response())
					.build());
			if (client == null) {
				throw new RelaunchRequiredException("No authorized client in this session", null);
			}
			return client;
		}
		catch (ClientAuthorizationException ex) {
			throw relaunch(principal, ex);
		}
	}

	private IGenericClient clientFor(KinshipPrincipal principal, String fhirBase, String accessToken) {
		IGenericClient client = this.fhirContext.newRestfulGenericClient(fhirBase);
		client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
		client.registerInterceptor(new AuditedReads(this.audit, principal));
		client.registerInterceptor(this.meters.interceptor(principal.issuerKey(), "user"));
		return client;
	}

	private RelaunchRequiredException relaunch(KinshipPrincipal principal, Exception cause) {
		this.audit.record(entry(principal, AuditAction.TOKEN_REFRESH_FAILED, null, "refresh_failed"));
		return new RelaunchRequiredException("The EHR no longer accepts this session's tokens", cause);
	}

	static AuditEntry entry(KinshipPrincipal principal, AuditAction action, String resourceTypes, String outcome) {
		return new AuditEntry(principal.issuer(), principal.fhirUser(),
				(principal.patientId() != null) ? "Patient/" + principal.patientId() : null, action, resourceTypes,
				outcome);
	}

	private static Authentication currentAuthentication() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

	private static HttpServletRequest request() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

	private static HttpServletResponse response() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
	}

}
