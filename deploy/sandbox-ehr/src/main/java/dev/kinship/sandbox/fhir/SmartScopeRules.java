package dev.kinship.sandbox.fhir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import org.hl7.fhir.r4.model.IdType;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * HAPI's authorization interceptor with rules made from the bearer token's SMART v2
 * scopes: {@code patient/} scopes only within the compartment of the token's
 * {@code patient}, {@code user/} and {@code system/} scopes for every patient. Anything
 * not allowed is refused with 403.
 */
class SmartScopeRules extends AuthorizationInterceptor {

	private static final Pattern SCOPE = Pattern
		.compile("(patient|user|system)/(\\*|[A-Za-z]+)\\.([cruds]+|read|write|\\*)");

	/**
	 * Types outside the patient compartment that a patient-context token may still read.
	 */
	private static final Set<String> SHARED_TYPES = Set.of("Practitioner", "PractitionerRole", "Organization");

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		RuleBuilder rules = new RuleBuilder();
		rules.allow().metadata();
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			Jwt jwt = token.getToken();
			String patient = jwt.getClaimAsString("patient");
			for (String scope : scopes(jwt.getClaims().get("scope"))) {
				Matcher matcher = SCOPE.matcher(scope);
				if (matcher.matches()) {
					allow(rules, matcher.group(1), matcher.group(2), matcher.group(3), patient);
				}
			}
		}
		return rules.denyAll("Not allowed by the token's scopes").build();
	}

	private static void allow(RuleBuilder rules, String context, String type, String permissions, String patient) {
		boolean read = permissions.contains("r") || permissions.contains("s") || permissions.equals("read")
				|| permissions.equals("*");
		boolean create = permissions.contains("c") || permissions.equals("write") || permissions.equals("*");
		boolean all = "*".equals(type);
		if ("patient".equals(context)) {
			if (patient == null) {
				return;
			}
			IdType compartment = new IdType("Patient", patient);
			if (read && !all && SHARED_TYPES.contains(type)) {
				rules.allow().read().resourcesOfType(type).withAnyId();
			}
			else if (read) {
				(all ? rules.allow().read().allResources() : rules.allow().read().resourcesOfType(type))
					.inCompartment("Patient", compartment);
				if (all) {
					SHARED_TYPES.forEach((shared) -> rules.allow().read().resourcesOfType(shared).withAnyId());
				}
			}
			if (create) {
				(all ? rules.allow().create().allResources() : rules.allow().create().resourcesOfType(type))
					.inCompartment("Patient", compartment);
			}
			return;
		}
		if (read) {
			(all ? rules.allow().read().allResources() : rules.allow().read().resourcesOfType(type)).withAnyId();
		}
		if (create) {
			(all ? rules.allow().create().allResources() : rules.allow().create().resourcesOfType(type)).withAnyId();
		}
	}

	static List<String> scopes(Object claim) {
		List<String> scopes = new ArrayList<>();
		if (claim instanceof String text) {
			scopes.addAll(List.of(text.trim().split("\\s+")));
		}
		else if (claim instanceof Collection<?> values) {
			values.forEach((value) -> scopes.add(String.valueOf(value)));
		}
		return scopes;
	}

}
