package org.kinship.launch.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.launch.CurrentPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizationSuccessHandler;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Saves a renewed token in the session and records the refresh in the audit log. The
 * client manager calls it only when a provider renewed the token, which after the launch
 * means a refresh.
 */
class AuditedRefreshes implements OAuth2AuthorizationSuccessHandler {

	private final OAuth2AuthorizedClientRepository repository;

	private final AuditLog audit;

	AuditedRefreshes(OAuth2AuthorizedClientRepository repository, AuditLog audit) {
		this.repository = repository;
		this.audit = audit;
	}

	@Override
	public void onAuthorizationSuccess(OAuth2AuthorizedClient client, Authentication principal,
			Map<String, Object> attributes) {
		this.repository.saveAuthorizedClient(client, principal,
				(HttpServletRequest) attributes.get(HttpServletRequest.class.getName()),
				(HttpServletResponse) attributes.get(HttpServletResponse.class.getName()));
		CurrentPrincipal.get()
			.ifPresent((user) -> this.audit.record(new AuditEntry(user.issuer(), user.fhirUser(),
					(user.patientId() != null) ? "Patient/" + user.patientId() : null, AuditAction.TOKEN_REFRESH, null,
					AuditEntry.SUCCESS)));
	}

}
