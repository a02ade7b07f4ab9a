package dev.kinship.sandbox.auth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.kinship.sandbox.SandboxProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SMART discovery at {@code {fhir base}/.well-known/smart-configuration}. A servlet of
 * its own with an exact mapping, which outranks the FHIR server's {@code /fhir/*}.
 */
@Configuration(proxyBeanMethods = false)
class SmartDiscovery {

	static final String PATH = "/fhir/.well-known/smart-configuration";

	@Bean
	ServletRegistrationBean<HttpServlet> smartDiscoveryServlet(SandboxProperties properties) {
		JsonMapper json = JsonMapper.builder().build();
		HttpServlet servlet = new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.setContentType("application/json");
				response.setCharacterEncoding("UTF-8");
				String issuer = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
				json.writeValue(response.getWriter(), document(issuer, properties));
			}
		};
		ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(servlet, PATH);
		registration.setName("smartDiscovery");
		return registration;
	}

	static Map<String, Object> document(String issuer, SandboxProperties properties) {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("issuer", issuer);
		configuration.put("jwks_uri", issuer + "/oauth2/jwks");
		configuration.put("authorization_endpoint", issuer + properties.authorizationEndpoint());
		configuration.put("token_endpoint", issuer + properties.tokenEndpoint());
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

}
