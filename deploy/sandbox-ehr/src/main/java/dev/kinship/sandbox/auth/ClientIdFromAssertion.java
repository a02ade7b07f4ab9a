package dev.kinship.sandbox.auth;

import java.text.ParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * SMART backend services send a {@code private_key_jwt} assertion without
 * {@code client_id} (RFC 7523 allows it; the assertion's {@code sub} names the client),
 * while Spring's converter insists on the parameter. This converter reads the client id
 * from the still unverified assertion and lets Spring's own converter and provider do the
 * verification.
 */
class ClientIdFromAssertion implements AuthenticationConverter {

	private final JwtClientAssertionAuthenticationConverter delegate = new JwtClientAssertionAuthenticationConverter();

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
		if (assertion == null || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null) {
			return null;
		}
		try {
			String subject = SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
			return (subject != null) ? this.delegate.convert(new WithClientId(request, subject)) : null;
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static final class WithClientId extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		WithClientId(HttpServletRequest request, String clientId) {
			super(request);
			this.parameters = new LinkedHashMap<>(request.getParameterMap());
			this.parameters.put(OAuth2ParameterNames.CLIENT_ID, new String[] { clientId });
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.unmodifiableMap(this.parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
