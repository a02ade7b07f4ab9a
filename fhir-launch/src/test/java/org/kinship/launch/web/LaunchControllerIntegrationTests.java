package org.kinship.launch.web;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The first leg of a SMART launch, against WireMock standing in for EHRs: an unregistered
 * issuer is refused before any network call; a registered one is discovered, and the
 * browser is sent to the authorize endpoint that discovery names, with PKCE S256, state,
 * nonce, {@code aud} and the {@code launch} value or {@code launch/patient}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LaunchControllerIntegrationTests {

	static final WireMockServer EHR = start();

	static final WireMockServer BROKEN_EHR = start();

	static final WireMockServer STRANGER = start();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		registry.add("kinship.launch.issuers.general.display-name", () -> "General Hospital");
		registry.add("kinship.launch.issuers.general.fhir-base-url", () -> EHR.baseUrl() + "/fhir");
		registry.add("kinship.launch.issuers.general.client-id", () -> "kinship");
		registry.add("kinship.launch.issuers.general.client-secret", () -> "s3cret");
		registry.add("kinship.launch.issuers.broken.display-name", () -> "Broken Clinic");
		registry.add("kinship.launch.issuers.broken.fhir-base-url", () -> BROKEN_EHR.baseUrl() + "/fhir");
		registry.add("kinship.launch.issuers.broken.client-id", () -> "kinship");
	}

	@BeforeEach
	void stubEhrs() {
		EHR.resetAll();
		EHR.stubFor(WireMock.get("/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/moved/auth",
				 "token_endpoint": "%1$s/moved/token", "jwks_uri": "%1$s/jwks",
				 "capabilities": ["launch-ehr", "launch-standalone"]}
				""".formatted(EHR.baseUrl()))));
		BROKEN_EHR.resetAll();
		BROKEN_EHR
			.stubFor(WireMock.get(anyUrl()).willReturn(aResponse().withStatus(500).withBody("<html>boom</html>")));
		STRANGER.resetAll();
	}

	@AfterAll
	static void stop() {
		EHR.stop();
		BROKEN_EHR.stop();
		STRANGER.stop();
	}

	@Test
	void refusesAnUnregisteredIssuerBeforeAnyNetworkCall() throws Exception {
		this.mvc.perform(get("/launch").param("iss", STRANGER.baseUrl() + "/fhir").param("launch", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("open Kinship again from your portal")))
			.andExpect(content().string(not(containsString("Exception"))));
		assertThat(STRANGER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void refusesALaunchWithoutIssuer() throws Exception {
		this.mvc.perform(get("/launch")).andExpect(status().isBadRequest());
	}

	@Test
	void saysPlainlyWhenTheEhrIsNotAnswering() throws Exception {
		this.mvc.perform(get("/launch").param("iss", BROKEN_EHR.baseUrl() + "/fhir").param("launch", "abc"))
			.andExpect(status().isBadGateway())
			.andExpect(content().string(containsString("not answering")))
			.andExpect(content().string(not(containsString("boom"))));
	}

	@Test
	void ehrLaunchSendsTheBrowserToTheDiscoveredAuthorizeEndpointWithSmartParameters() throws Exception {
		Map<String, String> authorize = authorizeParameters(UriComponentsBuilder.fromPath("/launch")
			.queryParam("iss", EHR.baseUrl() + "/fhir")
			.queryParam("launch", "xyz-123"), EHR.baseUrl() + "/moved/auth");
		assertThat(authorize).containsEntry("response_type", "code")
			.containsEntry("client_id", "kinship")
			.containsEntry("launch", "xyz-123")
			.containsEntry("aud", EHR.baseUrl() + "/fhir")
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("redirect_uri", "http://localhost/login/oauth2/code/general")
			.containsKeys("code_challenge", "nonce");
		assertThat(authorize.get("scope").split(" "))
			.contains("launch", "openid", "fhirUser", "offline_access", "patient/Condition.rs")
			.doesNotContain("launch/patient");
		assertThat(authorize.get("state")).hasSizeGreaterThanOrEqualTo(22);
	}

	@Test
	void standaloneLaunchAsksForLaunchPatientWithoutALaunchValue() throws Exception {
		Map<String, String> authorize = authorizeParameters(
				UriComponentsBuilder.fromPath("/launch/standalone").queryParam("issuer", "general"),
				EHR.baseUrl() + "/moved/auth");
		assertThat(authorize.get("scope").split(" ")).contains("launch/patient").doesNotContain("launch");
		assertThat(authorize).doesNotContainKey("launch").containsEntry("aud", EHR.baseUrl() + "/fhir");
	}

	@Test
	void everyLaunchGetsItsOwnStateAndVerifier() throws Exception {
		UriComponentsBuilder launch = UriComponentsBuilder.fromPath("/launch")
			.queryParam("iss", EHR.baseUrl() + "/fhir")
			.queryParam("launch", "a");
		Map<String, String> first = authorizeParameters(launch, EHR.baseUrl() + "/moved/auth");
		Map<String, String> second = authorizeParameters(launch, EHR.baseUrl() + "/moved/auth");
		assertThat(first.get("state")).isNotEqualTo(second.get("state"));
		assertThat(first.get("code_challenge")).isNotEqualTo(second.get("code_challenge"));
	}

	@Test
	void cachesDiscovery() throws Exception {
		UriComponentsBuilder launch = UriComponentsBuilder.fromPath("/launch/standalone")
			.queryParam("issuer", "general");
		authorizeParameters(launch, EHR.baseUrl() + "/moved/auth");
		authorizeParameters(launch, EHR.baseUrl() + "/moved/auth");
		assertThat(EHR.findAll(getRequestedFor(urlEqualTo("/fhir/.well-known/smart-configuration"))))
			.hasSizeLessThanOrEqualTo(1);
	}

	@Test
	void showsTheChooseYourHealthSystemPage() throws Exception {
		this.mvc.perform(get("/launch/choose"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("General Hospital")))
			.andExpect(content().string(containsString("/launch/standalone?issuer=general")));
	}

	private Map<String, String> authorizeParameters(UriComponentsBuilder launch, String authorizeEndpoint)
			throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult first = this.mvc.perform(get(launch.build().toUri()).session(session))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String next = first.getResponse().getRedirectedUrl();
		assertThat(next).isEqualTo("/oauth2/authorization/general");
		MvcResult second = this.mvc.perform(get(next).session(session))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = second.getResponse().getRedirectedUrl();
		assertThat(location).startsWith(authorizeEndpoint + "?");
		Map<String, String> parameters = new java.util.LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(location)
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.put(name,
					java.net.URLDecoder.decode(values.get(0), java.nio.charset.StandardCharsets.UTF_8)));
		return parameters;
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		return server;
	}

}
