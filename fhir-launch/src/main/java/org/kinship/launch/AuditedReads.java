package org.kinship.launch;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;

/**
 * Records each FHIR call in the audit log: the resource type from the URL and the HTTP
 * status, never the content.
 */
class AuditedReads implements IClientInterceptor {

	private final AuditLog audit;

	private final String issuer;

	private final String actor;

	private final String patient;

	AuditedReads(AuditLog audit, KinshipPrincipal principal) {
		this(audit, principal.issuer(), principal.fhirUser(),
				(principal.patientId() != null) ? "Patient/" + principal.patientId() : null);
	}

	AuditedReads(AuditLog audit, String issuer, String actor, String patient) {
		this.audit = audit;
		this.issuer = issuer;
		this.actor = actor;
		this.patient = patient;
	}

	/**
	 * The URL of the call in flight on this thread: HAPI calls both hooks on the thread
	 * that makes the call, and one client may make several calls at once (the care-plan
	 * panel's parallel searches).
	 */
	private final ThreadLocal<String> callInFlight = ThreadLocal.withInitial(() -> "");

	@Override
	public void interceptRequest(IHttpRequest request) {
		this.callInFlight.set(request.getUri());
	}

	@Override
	public void interceptResponse(IHttpResponse response) {
		String url = this.callInFlight.get();
		this.callInFlight.remove();
		String outcome = (response.getStatus() < 300) ? AuditEntry.SUCCESS : "HTTP_" + response.getStatus();
		this.audit.record(new AuditEntry(this.issuer, this.actor, this.patient, AuditAction.FHIR_READ,
				resourceType(url), outcome));
	}

	static String resourceType(String url) {
		String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		String[] segments = path.split("/");
		for (int i = segments.length - 1; i >= 0; i--) {
			if (!segments[i].isEmpty() && Character.isUpperCase(segments[i].charAt(0))) {
				return segments[i];
			}
		}
		return "unknown";
	}

}
