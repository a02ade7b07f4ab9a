package dev.kinship.sandbox.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kinship.sandbox.SandboxProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SMART discovery: {@code {fhir base}/.well-known/smart-configuration}, and the portal's
 * style sheet for apps, {@code smart_style_url}.
 */
@RestController
class SmartConfigurationController {

	private final SandboxProperties properties;

	SmartConfigurationController(SandboxProperties properties) {
		this.properties = properties;
	}

	@GetMapping(path = "/fhir/.well-known/smart-configuration", produces = "application/json")
	Map<String, Object> smartConfiguration() {
		String issuer = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("issuer", issuer);
		configuration.put("jwks_uri", issuer + "/oauth2/jwks");
		configuration.put("authorization_endpoint", issuer + this.properties.authorizationEndpoint());
		configuration.put("token_endpoint", issuer + this.properties.tokenEndpoint());
		configuration.put("grant_types_supported",
				List.of("authorization_code", "refresh_token", "client_credentials"));
		configuration.put("token_endpoint_auth_methods_supported",
				List.of("private_key_jwt", "client_secret_basic", "none"));
		configuration.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
		configuration.put("scopes_supported", SmartScopes.userFacing().stream().toList());
		configuration.put("response_types_supported", List.of("code"));
		configuration.put("code_challenge_methods_supported", List.of("S256"));
		configuration.put("capabilities",
				List.of("launch-ehr", "launch-standalone", "client-public", "client-confidential-symmetric",
						"client-confidential-asymmetric", "context-passthrough-banner", "context-passthrough-style",
						"context-ehr-patient", "context-standalone-patient", "sso-openid-connect", "permission-offline",
						"permission-online", "permission-patient", "permission-user", "permission-v2"));
		return configuration;
	}

	@GetMapping(path = "/smart-style.json", produces = "application/json")
	Map<String, Object> smartStyle() {
		Map<String, Object> style = new LinkedHashMap<>();
		style.put("color_background", "#f4f7f6");
		style.put("color_error", "#b00020");
		style.put("color_highlight", "#0b6e4f");
		style.put("color_modal_backdrop", "");
		style.put("color_success", "#2e7d32");
		style.put("color_text", "#1b1b1b");
		style.put("dim_border_radius", "6px");
		style.put("dim_font_size", "16px");
		style.put("dim_spacing_size", "16px");
		style.put("font_family_body", "Georgia, 'Times New Roman', serif");
		style.put("font_family_heading", "'Trebuchet MS', Helvetica, sans-serif");
		return style;
	}

}
