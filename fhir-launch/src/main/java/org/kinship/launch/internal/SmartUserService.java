package org.kinship.launch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.IssuerRegistry.RegisteredIssuer;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.launch.MemberLaunched;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a validated token response into the Kinship principal: who the user is from
 * {@code fhirUser}, the launch context from the token response, names from the record
 * (the patient in context read once per launch), Kinship's own rights, and the portal's
 * style. Spring has already checked the {@code id_token}'s signature, issuer, audience,
 * expiry and nonce.
 */
class SmartUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final IssuerRegistry issuers;

	private final RecordNames names;

	private final RoleAssignments roles;

	private final PortalStyle styles;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	SmartUserService(IssuerRegistry issuers, RecordNames names, RoleAssignments roles, PortalStyle styles,
			AuditLog audit, ApplicationEventPublisher events) {
		this.events = events;
		this.issuers = issuers;
		this.names = names;
		this.roles = roles;
		this.styles = styles;
		this.audit = audit;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		String registrationId = request.getClientRegistration().getRegistrationId();
		RegisteredIssuer issuer = this.issuers.findByRegistrationId(registrationId).orElseThrow();
		// the community is the issuer's; the record is read where this launch's token
		// was issued for
		String fhirBase = issuer.fhirBaseUrlOf(registrationId);
		OidcIdToken idToken = request.getIdToken();
		FhirUserReference who = FhirUserReference.parse(idToken.getClaimAsString("fhirUser"))
			.orElseThrow(() -> new LaunchProblem(LaunchProblem.UNKNOWN_USER, "No usable fhirUser claim", null));
		KinshipRole role = who.role()
			.orElseThrow(() -> new LaunchProblem(LaunchProblem.UNKNOWN_USER, "Unsupported fhirUser type", null));
		Map<String, Object> context = request.getAdditionalParameters();
		String patient = text(context.get("patient"));
		if (patient == null && role != KinshipRole.CLINICIAN) {
			throw new LaunchProblem(LaunchProblem.MISSING_PATIENT_CONTEXT, "No patient in the launch context", null);
		}
		String token = request.getAccessToken().getTokenValue();
		Set<String> scopes = Set.copyOf(request.getAccessToken().getScopes());
		// the patient in context is read once, here, for every page of the launch (the
		// home page, the banner, the care-plan panel's heading); pages never read it
		Optional<String> patientName = Optional.empty();
		Optional<String> patientEmail = Optional.empty();
		if (patient != null && KinshipPrincipal.allowsRead(scopes, "Patient")) {
			RecordNames.RecordPerson read = this.names.personOf(fhirBase, token,
					new FhirUserReference("Patient", patient));
			patientName = read.name();
			patientEmail = read.email();
			// the read is audited as the pages' reads are; the name never is
			this.audit.record(new AuditEntry(issuer.fhirBaseUrl(), who.relative(), "Patient/" + patient,
					AuditAction.FHIR_READ, "Patient", patientName.isPresent() ? AuditEntry.SUCCESS : "no_name"));
		}
		// the id_token's name saves a round trip; the record is asked only when it has
		// none, and not again when the user is the patient just read
		Optional<String> contextName = patientName;
		boolean isPatient = patient != null && who.relative().equals("Patient/" + patient);
		// a caregiver's own resource is read for the address their notifications go to
		// (and their name); a clinician's never is
		RecordNames.RecordPerson own = (isPatient || role == KinshipRole.CLINICIAN) ? RecordNames.RecordPerson.NONE
				: this.names.personOf(fhirBase, token, who);
		String displayName = Optional.ofNullable(idToken.getClaimAsString("name"))
			.or(() -> (isPatient && contextName.isPresent()) ? contextName
					: (own.name().isPresent() || role != KinshipRole.CLINICIAN) ? own.name()
							: this.names.nameOf(fhirBase, token, who))
			.orElse(who.resourceType());
		String recordEmail = (isPatient ? patientEmail : own.email()).orElse(null);
		boolean banner = Boolean.parseBoolean(String.valueOf(context.get("need_patient_banner")));
		KinshipPrincipal principal = new KinshipPrincipal(issuer.key(), issuer.fhirBaseUrl(), who.relative(),
				displayName, role, this.roles.rightsOf(issuer.fhirBaseUrl(), who.relative()), patient,
				text(context.get("encounter")), banner, patientName.orElse(null), text(context.get("intent")),
				text(context.get("tenant")), fhirContext(context.get("fhirContext")), scopes,
				this.styles.variables(text(context.get("smart_style_url")), fhirBase));
		this.audit.record(new AuditEntry(issuer.fhirBaseUrl(), who.relative(),
				(patient != null) ? "Patient/" + patient : null, AuditAction.LAUNCH, null, AuditEntry.SUCCESS));
		this.events.publishEvent(
				new MemberLaunched(issuer.key(), issuer.fhirBaseUrl(), who.relative(), role, patient, recordEmail));
		return new KinshipOidcUser(idToken, principal);
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value instanceof String string && !string.isBlank()) ? string : null;
	}

	private static List<String> fhirContext(@Nullable Object value) {
		List<String> references = new ArrayList<>();
		if (value instanceof List<?> items) {
			for (Object item : items) {
				if (item instanceof Map<?, ?> entry) {
					Object reference = (entry.get("reference") != null) ? entry.get("reference")
							: entry.get("canonical");
					if (reference instanceof String text) {
						references.add(text);
					}
				}
			}
		}
		return references;
	}

}
