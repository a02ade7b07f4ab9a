package org.kinship.e2e;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An EHR, played by WireMock, whose care-plan, goal and medicine searches are slow: each
 * is answered after a fixed delay of five seconds, and no sooner than a test lets them go
 * ({@link #hold()}, {@link #release()}), so that what a page does before the record
 * arrives is seen however fast or slow the machine is. Everything else answers at once: a
 * browser launches one patient with heart failure from it as from a real EHR (SMART
 * discovery, an authorize endpoint that sends the browser straight back with a code, a
 * token endpoint whose {@code id_token} carries the launch's nonce).
 */
final class SlowEhr {

	/** Kinship's registration key for this EHR. */
	static final String KEY = "slowehr";

	static final String PATIENT = "slow-1";

	static final String SECRET = "slow-secret";

	static final Set<String> SLOW_SEARCHES = Set.of("CarePlan", "Goal", "MedicationRequest");

	static final int DELAY_MILLIS = 5_000;

	/** A ceiling for a held search, reached only when a test never lets it go. */
	private static final long PATIENCE_SECONDS = 180;

	private static final String SCOPES = "openid fhirUser launch offline_access patient/Patient.rs "
			+ "patient/Condition.rs patient/CarePlan.rs patient/Goal.rs patient/MedicationRequest.rs "
			+ "patient/CareTeam.rs patient/Appointment.rs patient/Practitioner.rs";

	private static SlowEhr running;

	private final RSAKey key = key();

	private final Map<String, String> nonces = new ConcurrentHashMap<>();

	private final AtomicInteger codes = new AtomicInteger();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private final WireMockServer server = new WireMockServer(
			options().dynamicPort().extensions(new Authorization(), new Tokens(), new Gate()));

	private SlowEhr() {
	}

	static synchronized SlowEhr get() {
		if (running == null) {
			running = new SlowEhr();
			running.start();
			Runtime.getRuntime().addShutdownHook(new Thread(running.server::stop));
		}
		return running;
	}

	String fhirBase() {
		return this.server.baseUrl() + "/fhir";
	}

	/**
	 * Kinship's registration of this EHR, as command-line arguments.
	 * @return the arguments
	 */
	List<String> kinshipArguments() {
		String prefix = "--kinship.launch.issuers." + KEY + ".";
		return List.of(prefix + "display-name=Slow Health", prefix + "fhir-base-url=" + fhirBase(),
				prefix + "client-id=kinship-" + KEY, prefix + "client-authentication=client_secret_basic",
				prefix + "client-secret=" + SECRET);
	}

	/** From now on the slow searches wait for {@link #release()}, after their delay. */
	void hold() {
		this.gate = new CountDownLatch(1);
	}

	/** Lets the slow searches answer, after their delay. */
	void release() {
		this.gate.countDown();
	}

	/**
	 * How many times Kinship has asked for one of the slow searches so far.
	 * @return the count
	 */
	int slowSearchesAsked() {
		return (int) this.server.getAllServeEvents()
			.stream()
			.filter((event) -> SLOW_SEARCHES.contains(resourceType(event.getRequest().getUrl())))
			.count();
	}

	private void start() {
		this.server.start();
		this.server.stubFor(WireMock.get("/fhir/.well-known/smart-configuration").willReturn(okJson("""
				{"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
				 "jwks_uri": "%1$s/jwks", "code_challenge_methods_supported": ["S256"]}
				""".formatted(this.server.baseUrl()))));
		this.server.stubFor(WireMock.get("/jwks").willReturn(okJson(new JWKSet(this.key.toPublicJWK()).toString())));
		this.server.stubFor(WireMock.get(urlPathEqualTo("/authorize"))
			.willReturn(aResponse().withTransformers("slow-ehr-authorize")));
		this.server.stubFor(WireMock.post("/token").willReturn(aResponse().withTransformers("slow-ehr-token")));
		this.server.stubFor(WireMock.get(urlPathEqualTo("/fhir/Patient/" + PATIENT)).willReturn(fhir("""
				{"resourceType": "Patient", "id": "slow-1", "name": [{"given": ["Sam"], "family": "Slowly"}]}""")));
		this.server.stubFor(WireMock.get(urlPathEqualTo("/fhir/Condition"))
			.willReturn(fhir(
					bundle("""
							{"resourceType": "Condition", "id": "c-hf", "subject": {"reference": "Patient/slow-1"},
							 "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
							 "code": {"coding": [{"system": "http://snomed.info/sct", "code": "88805009",
							  "display": "Chronic congestive heart failure (disorder)"}]}}"""))));
		this.server.stubFor(WireMock.get(urlPathEqualTo("/fhir/CarePlan")).willReturn(slow(bundle("""
				{"resourceType": "CarePlan", "id": "cp-hf", "status": "active", "intent": "plan",
				 "subject": {"reference": "Patient/slow-1"}, "title": "Heart failure plan",
				 "addresses": [{"reference": "Condition/c-hf"}],
				 "activity": [{"detail": {"status": "in-progress", "description": "Weigh every morning"}}]}"""))));
		this.server.stubFor(WireMock.get(urlPathEqualTo("/fhir/Goal")).willReturn(slow(bundle("""
				{"resourceType": "Goal", "id": "g-hf", "lifecycleStatus": "active",
				 "subject": {"reference": "Patient/slow-1"},
				 "description": {"text": "Walk to the corner shop and back"}}"""))));
		this.server.stubFor(WireMock.get(urlPathEqualTo("/fhir/MedicationRequest")).willReturn(slow(bundle("""
				{"resourceType": "MedicationRequest", "id": "m-hf", "status": "active", "intent": "order",
				 "subject": {"reference": "Patient/slow-1"},
				 "medicationCodeableConcept": {"text": "Furosemide 40 MG Oral Tablet"}}"""))));
		this.server.stubFor(WireMock.get(urlPathEqualTo("/fhir/CareTeam")).willReturn(fhir(bundle())));
		this.server.stubFor(WireMock.get(urlPathEqualTo("/fhir/Appointment")).willReturn(fhir(bundle())));
	}

	private static ResponseDefinitionBuilder slow(String body) {
		return fhir(body).withFixedDelay(DELAY_MILLIS);
	}

	private static ResponseDefinitionBuilder fhir(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(body);
	}

	private static String bundle(String... resources) {
		return "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": ["
				+ java.util.Arrays.stream(resources)
					.map((resource) -> "{\"resource\": " + resource + "}")
					.collect(Collectors.joining(","))
				+ "]}";
	}

	private static String resourceType(String url) {
		String path = url.split("\\?")[0];
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private String idToken(String nonce) {
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.server.baseUrl())
				.subject("slow-user")
				.audience("kinship-" + KEY)
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(300)))
				.claim("nonce", nonce)
				.claim("fhirUser", fhirBase() + "/Patient/" + PATIENT)
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).keyID("slow-ehr-key").generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> form(String body) {
		return java.util.Arrays.stream(body.split("&"))
			.map((pair) -> pair.split("=", 2))
			.filter((pair) -> pair.length == 2)
			.collect(Collectors.toMap((pair) -> pair[0], (pair) -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
					(a, b) -> a));
	}

	/**
	 * Sends the browser straight back to Kinship with a code, as after the person agreed.
	 */
	private final class Authorization implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			Request request = event.getRequest();
			String code = "code-" + SlowEhr.this.codes.incrementAndGet();
			SlowEhr.this.nonces.put(code, request.queryParameter("nonce").firstValue());
			String target = request.queryParameter("redirect_uri").firstValue() + "?code=" + code + "&state="
					+ java.net.URLEncoder.encode(request.queryParameter("state").firstValue(), StandardCharsets.UTF_8);
			return ResponseDefinition.redirectTo(target);
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return "slow-ehr-authorize";
		}

	}

	/** Tokens for a code given at the authorize endpoint, with the launch's patient. */
	private final class Tokens implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			Map<String, String> form = form(event.getRequest().getBodyAsString());
			String idToken = "";
			if ("authorization_code".equals(form.get("grant_type"))) {
				String nonce = SlowEhr.this.nonces.remove(form.getOrDefault("code", ""));
				if (nonce == null) {
					return ResponseDefinitionBuilder.responseDefinition()
						.withStatus(400)
						.withHeader("Content-Type", "application/json")
						.withBody("{\"error\": \"invalid_grant\"}")
						.build();
				}
				idToken = ", \"id_token\": \"" + idToken(nonce) + "\"";
			}
			return ResponseDefinitionBuilder.responseDefinition()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("""
						{"access_token": "slow-at-%d", "token_type": "Bearer", "expires_in": 3600,
						 "refresh_token": "slow-rt", "scope": "%s", "patient": "%s"%s}
						""".formatted(SlowEhr.this.codes.incrementAndGet(), SCOPES, PATIENT, idToken))
				.build();
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return "slow-ehr-token";
		}

	}

	/** Holds the slow searches until a test lets them go. */
	private final class Gate implements ServeEventListener {

		@Override
		public void beforeResponseSent(ServeEvent event, Parameters parameters) {
			if (!SLOW_SEARCHES.contains(resourceType(event.getRequest().getUrl()))) {
				return;
			}
			try {
				SlowEhr.this.gate.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public String getName() {
			return "slow-ehr-gate";
		}

	}

}
