package org.kinship.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import org.jspecify.annotations.Nullable;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/**
 * One answer of the fake EHR's token endpoint, built up and then stubbed: a Bearer token
 * for an hour by default, with the launch context given, for every token request unless
 * narrowed to some. Requests that no answer matches are refused with
 * {@code invalid_grant}.
 */
final class TokenResponseStub {

	static final String DEFAULT_SCOPE = "openid fhirUser launch offline_access patient/Patient.rs patient/Condition.rs";

	private final WireMockServer server;

	private final String path;

	private String accessToken = "at-" + UUID.randomUUID();

	private @Nullable String refreshToken;

	private int expiresIn = 3600;

	private String scope = DEFAULT_SCOPE;

	private @Nullable String idToken;

	private final List<String> context = new ArrayList<>();

	private final List<UnaryOperator<MappingBuilder>> conditions = new ArrayList<>();

	TokenResponseStub(WireMockServer server, String path) {
		this.server = server;
		this.path = path;
	}

	TokenResponseStub accessToken(String accessToken) {
		this.accessToken = accessToken;
		return this;
	}

	TokenResponseStub refreshToken(String refreshToken) {
		this.refreshToken = refreshToken;
		return this;
	}

	TokenResponseStub expiresIn(int seconds) {
		this.expiresIn = seconds;
		return this;
	}

	TokenResponseStub scope(String scope) {
		this.scope = scope;
		return this;
	}

	TokenResponseStub idToken(SignedIdToken idToken) {
		this.idToken = idToken.serialize();
		return this;
	}

	/**
	 * Adds launch context to the response.
	 * @param members JSON members, such as {@code "patient": "123"}
	 * @return this
	 */
	TokenResponseStub context(String members) {
		this.context.add(members);
		return this;
	}

	TokenResponseStub onlyFor(String formParameter, String value) {
		this.conditions.add((mapping) -> mapping.withFormParam(formParameter, equalTo(value)));
		return this;
	}

	TokenResponseStub onlyWhen(ValueMatcher<Request> matcher) {
		this.conditions.add((mapping) -> mapping.andMatching(matcher));
		return this;
	}

	void stub() {
		MappingBuilder mapping = post(this.path);
		for (UnaryOperator<MappingBuilder> condition : this.conditions) {
			mapping = condition.apply(mapping);
		}
		this.server.stubFor(mapping.willReturn(okJson(body())));
	}

	private String body() {
		StringJoiner body = new StringJoiner(", ", "{", "}");
		body.add(member("access_token", this.accessToken))
			.add(member("token_type", "Bearer"))
			.add("\"expires_in\": " + this.expiresIn)
			.add(member("scope", this.scope));
		if (this.refreshToken != null) {
			body.add(member("refresh_token", this.refreshToken));
		}
		if (this.idToken != null) {
			body.add(member("id_token", this.idToken));
		}
		this.context.forEach(body::add);
		return body.toString();
	}

	private static String member(String name, String value) {
		return "\"" + name + "\": \"" + value + "\"";
	}

}
