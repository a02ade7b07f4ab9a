package org.kinship.launch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.kinship.audit.AuditLog;
import org.kinship.launch.internal.BackendTokens;

import org.springframework.stereotype.Component;

/**
 * FHIR clients for system-level reads on an EHR, such as resolving a cohort by coded
 * condition, with SMART backend-services tokens. Usable outside any request; every call
 * is audited with the actor {@code system}.
 */
@Component
public class BackendFhirClients {

	private final IssuerRegistry issuers;

	private final BackendTokens tokens;

	private final FhirContext fhirContext;

	private final AuditLog audit;

	private final FhirCallMeters meters;

	BackendFhirClients(IssuerRegistry issuers, BackendTokens tokens, FhirContext fhirContext, AuditLog audit,
			FhirCallMeters meters) {
		this.issuers = issuers;
		this.tokens = tokens;
		this.fhirContext = fhirContext;
		this.audit = audit;
		this.meters = meters;
	}

	/**
	 * A client for an EHR with a fresh or still valid system token.
	 * @param issuerKey the EHR's registration key
	 * @return the client
	 * @throws IllegalArgumentException for an unknown key
	 */
	public IGenericClient forIssuer(String issuerKey) {
		var issuer = this.issuers.findByKey(issuerKey)
			.orElseThrow(() -> new IllegalArgumentException("Unknown issuer " + issuerKey));
		IGenericClient client = this.fhirContext.newRestfulGenericClient(issuer.fhirBaseUrl());
		client.registerInterceptor(new BearerTokenAuthInterceptor(this.tokens.accessToken(issuer)));
		client.registerInterceptor(new AuditedReads(this.audit, issuer.fhirBaseUrl(), "system", null));
		client.registerInterceptor(this.meters.interceptor(issuer.key(), "backend"));
		return client;
	}

}
