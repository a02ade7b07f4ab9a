package org.kinship.launch;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A person's browser on Kinship, through MockMvc: opens the launch URL as the EHR or the
 * person does, follows Kinship to the EHR's authorize endpoint and keeps what Kinship
 * asked for there, and comes back to Kinship's callback as the EHR's redirect would.
 */
final class LaunchingBrowser {

	private final MockMvc mvc;

	LaunchingBrowser(MockMvc mvc) {
		this.mvc = mvc;
	}

	Launch ehrLaunch(String iss, String launch) throws Exception {
		return toAuthorize(get("/launch").param("iss", iss).param("launch", launch));
	}

	Launch standaloneLaunch(String key) throws Exception {
		return toAuthorize(get("/launch/standalone").param("issuer", key));
	}

	/**
	 * Comes back from the EHR with a code and the launch's own state.
	 * @param launch the launch
	 * @return where Kinship sends the browser next
	 */
	String callback(Launch launch) throws Exception {
		return complete(launch).getRedirectedUrl();
	}

	/**
	 * Comes back from the EHR with a code and the launch's own state.
	 * @param launch the launch
	 * @return Kinship's whole response
	 */
	MockHttpServletResponse complete(Launch launch) throws Exception {
		return this.mvc.perform(callbackRequest(launch, launch.session(), "code", "the-code", "state", launch.state()))
			.andReturn()
			.getResponse();
	}

	/**
	 * Comes back from the EHR with any parameters, in any session.
	 * @param launch the launch, for its registration
	 * @param session the browser session that comes back
	 * @param namesAndValues query parameters, name then value
	 * @return where Kinship sends the browser next
	 */
	String returnFromEhr(Launch launch, MockHttpSession session, String... namesAndValues) throws Exception {
		return this.mvc.perform(callbackRequest(launch, session, namesAndValues))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	MockHttpServletResponse open(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session)).andReturn().getResponse();
	}

	/**
	 * Follows Kinship to the page for a failed launch and checks that it is a plain one.
	 * @param target where Kinship sent the browser
	 * @param code the problem Kinship should name
	 * @return the page
	 */
	MockHttpServletResponse problemPage(String target, String code) throws Exception {
		assertThat(target).startsWith("/launch/problem?code=" + code + "&ref=");
		MockHttpServletResponse page = this.mvc.perform(get(target)).andReturn().getResponse();
		assertThat(page.getContentAsString()).contains("Please open Kinship again from your portal")
			.contains("Reference number")
			.doesNotContain("Exception")
			.doesNotContain("eyJ");
		return page;
	}

	static KinshipPrincipal principal(MockHttpSession session) {
		SecurityContext context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(context).as("a launched session").isNotNull();
		OAuth2User user = (OAuth2User) context.getAuthentication().getPrincipal();
		return (KinshipPrincipal) user.getAttributes().get(CurrentPrincipal.PRINCIPAL_ATTRIBUTE);
	}

	private Launch toAuthorize(MockHttpServletRequestBuilder launchUrl) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String next = this.mvc.perform(launchUrl.session(session)).andReturn().getResponse().getRedirectedUrl();
		assertThat(next).as("Kinship's redirect to its authorization request").startsWith("/oauth2/authorization/");
		String authorize = this.mvc.perform(get(next).session(session)).andReturn().getResponse().getRedirectedUrl();
		// a standalone launch at an issuer with a standalone FHIR base of its own has a
		// registration of its own, and comes back to the issuer's one redirect URI
		String registrationId = next.substring(next.lastIndexOf('/') + 1);
		String key = registrationId.replace(IssuerRegistry.RegisteredIssuer.STANDALONE_SUFFIX, "");
		return new Launch(session, key, authorize, queryParameters(authorize));
	}

	private static MockHttpServletRequestBuilder callbackRequest(Launch launch, MockHttpSession session,
			String... namesAndValues) {
		MockHttpServletRequestBuilder request = get("/login/oauth2/code/" + launch.key()).session(session);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			request.param(namesAndValues[i], namesAndValues[i + 1]);
		}
		return request;
	}

	private static Map<String, String> queryParameters(String url) {
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(url)
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return parameters;
	}

}
