package org.kinship.launch;

import java.util.List;
import java.util.Map;

import org.springframework.mock.web.MockHttpSession;

/**
 * One launch as far as the EHR's authorize endpoint: the browser session it runs in, the
 * registration, and the authorize request Kinship sent the browser to.
 *
 * @param session the browser's session at Kinship
 * @param key the registration key
 * @param authorizeUrl the authorize request as sent
 * @param parameters its query parameters, decoded
 */
record Launch(MockHttpSession session, String key, String authorizeUrl, Map<String, String> parameters) {

	String state() {
		return this.parameters.get("state");
	}

	String nonce() {
		return this.parameters.get("nonce");
	}

	List<String> scopes() {
		return List.of(this.parameters.get("scope").split(" "));
	}

}
