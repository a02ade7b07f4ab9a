package org.kinship.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A hospital registered the way an operator does it in a container: environment variables
 * only ({@code KINSHIP_LAUNCH_ISSUERS_<KEY>_...}, rights included), with a standalone
 * FHIR base of its own, a second EHR that allows launches from its portal only, and
 * User-access Brands from a file and from a URL. Nothing here is set through Spring
 * property names.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RegisteringAHospitalIntegrationTests.EnvironmentVariables.class)
class RegisteringAHospitalIntegrationTests {

	static final FakeEhr EHR = FakeEhr.start();

	static final String PATIENT_CONTEXT = "\"patient\": \"123\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	IssuerRegistry issuers;

	LaunchingBrowser browser;

	@BeforeEach
	void stubEhr() {
		EHR.reset("county", "clinic");
		EHR.stubDiscovery("countypatients", EHR.baseUrl() + "/patients/auth", EHR.baseUrl() + "/patients/token",
				EHR.baseUrl() + "/jwks");
		EHR.server().stubFor(WireMock.get("/brands.json").willReturn(okJson(brandsBundle(EHR.fhirBase("clinic")))));
		this.browser = new LaunchingBrowser(this.mvc);
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Test
	void bindsEveryIssuerPropertyFromEnvironmentVariables() {
		LaunchProperties.Issuer county = this.issuers.findByKey("county").orElseThrow().settings();
		assertThat(county.displayName()).isEqualTo("County Health");
		assertThat(county.clientId()).isEqualTo("kinship-county");
		assertThat(county.clientAuthentication()).isEqualTo("client_secret_basic");
		assertThat(county.clientSecret()).isEqualTo("s3cret");
		assertThat(county.scopeList()).containsExactly("openid", "fhirUser", "patient/Patient.rs",
				"patient/Condition.rs");
		assertThat(county.backendClientId()).isEqualTo("kinship-backend");
		assertThat(county.backendScopes()).isEqualTo("system/Patient.rs");
		assertThat(county.standaloneFhirBaseUrl()).hasToString(EHR.fhirBase("countypatients"));
		assertThat(county.ehrLaunchOnly()).isFalse();
		assertThat(county.roles()).containsExactly(
				new LaunchProperties.Role("Practitioner/manager-1", CommunityRight.COMMUNITY_MANAGER),
				new LaunchProperties.Role("Practitioner/facilitator-2", CommunityRight.FACILITATOR));
		assertThat(this.issuers.findByKey("clinic").orElseThrow().settings().ehrLaunchOnly()).isTrue();
	}

	@Test
	void anEhrLaunchSignsInWithTheRightsTheEnvironmentGranted() throws Exception {
		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("county"), "L-county");
		assertThat(launch.parameters()).containsEntry("aud", EHR.fhirBase("county"))
			.containsEntry("client_id", "kinship-county")
			.containsEntry("redirect_uri", "http://localhost/login/oauth2/code/county");
		EHR.token("county")
			.idToken(EHR.idToken(launch).forUser(EHR.fhirBase("county") + "/Practitioner/manager-1", "Dr Manager"))
			.stub();

		assertThat(this.browser.callback(launch)).isEqualTo("/");
		KinshipPrincipal principal = LaunchingBrowser.principal(launch.session());
		assertThat(principal.issuer()).isEqualTo(EHR.fhirBase("county"));
		assertThat(principal.has(CommunityRight.COMMUNITY_MANAGER)).isTrue();
		assertThat(principal.has(CommunityRight.FACILITATOR)).isFalse();
	}

	@Test
	void aStandaloneLaunchGoesThroughTheStandaloneFhirBaseAndStaysInTheSameCommunity() throws Exception {
		Launch launch = this.browser.standaloneLaunch("county");
		assertThat(launch.authorizeUrl()).startsWith(EHR.baseUrl() + "/patients/auth?");
		assertThat(launch.parameters()).containsEntry("aud", EHR.fhirBase("countypatients"))
			.containsEntry("redirect_uri", "http://localhost/login/oauth2/code/county")
			.doesNotContainKey("launch");
		assertThat(launch.scopes()).contains("launch/patient");
		EHR.tokenAt("/patients/token")
			.idToken(EHR.idToken(launch).forUser(EHR.fhirBase("countypatients") + "/Patient/123", null))
			.context(PATIENT_CONTEXT)
			.stub();
		EHR.server().stubFor(WireMock.get("/countypatients/fhir/Patient/123").willReturn(FakeEhr.patient("123")));

		assertThat(this.browser.callback(launch)).isEqualTo("/");
		KinshipPrincipal principal = LaunchingBrowser.principal(launch.session());
		assertThat(principal.issuerKey()).isEqualTo("county");
		assertThat(principal.issuer()).isEqualTo(EHR.fhirBase("county"));
		assertThat(principal.displayName()).isEqualTo("Walter Brooks");
		EHR.server().verify(getRequestedFor(urlEqualTo("/countypatients/fhir/Patient/123")));
		assertThat(EHR.tokenRequests("county")).isEmpty();
	}

	@Test
	void anEhrLaunchOnlyIssuerIsNotOfferedButStillLaunchesFromItsPortal() throws Exception {
		String page = this.mvc.perform(get("/launch/choose"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/launch/standalone?issuer=county")
			.doesNotContain("issuer=clinic")
			.doesNotContain("Clinic by the Sea");
		this.mvc.perform(get("/launch/standalone").param("issuer", "clinic")).andExpect(status().isBadRequest());

		Launch launch = this.browser.ehrLaunch(EHR.fhirBase("clinic"), "L-clinic");
		assertThat(launch.parameters()).containsEntry("launch", "L-clinic");
	}

	@Test
	void theChoosePageShowsEachBrandWithItsLogoAndPortal() throws Exception {
		String page = this.mvc.perform(get("/launch/choose"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("src=\"https://brands.example.org/county/logo.svg\"")
			.contains("alt=\"Logo of County Health\"")
			.contains(
					"href=\"https://mychart.county.example.org\" rel=\"noreferrer\">Patient portal: County MyChart</a>")
			// the affiliate, reached through the same standalone base, launches the same
			// EHR
			.contains("alt=\"Logo of Harbor Children&#39;s\"")
			.contains("href=\"/launch/standalone?issuer=county\">Harbor Children&#39;s</a>")
			// no script or tracker from a brand reaches the page
			.doesNotContain("javascript:")
			.doesNotContain("tracker.example.net");
	}

	@Test
	void readsBrandsFromAUrlOnceForManyPages() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/launch/choose")).andExpect(status().isOk());
		}
		// the bundle served by URL names only the EHR-launch-only clinic, which is never
		// offered; it is read at most once within its time to live
		assertThat(EHR.server().findAll(getRequestedFor(urlEqualTo("/brands.json")))).hasSizeLessThanOrEqualTo(1);
	}

	static String brandsBundle(String countyFhir) {
		try (InputStream in = RegisteringAHospitalIntegrationTests.class
			.getResourceAsStream("/brands/two-brands.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${COUNTY_FHIR}", countyFhir)
				.replace("${SHADY_FHIR}", "https://fhir.shady.example.net/r4");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The operator's environment: what {@code docker run -e} or a Kubernetes manifest
	 * would set, in a property source that Spring Boot reads as the system environment.
	 */
	static class EnvironmentVariables implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Object> env = new LinkedHashMap<>();
			String county = "KINSHIP_LAUNCH_ISSUERS_COUNTY_";
			env.put(county + "DISPLAY_NAME", "County Health");
			env.put(county + "FHIR_BASE_URL", EHR.fhirBase("county"));
			env.put(county + "STANDALONE_FHIR_BASE_URL", EHR.fhirBase("countypatients"));
			env.put(county + "CLIENT_ID", "kinship-county");
			env.put(county + "CLIENT_AUTHENTICATION", "client_secret_basic");
			env.put(county + "CLIENT_SECRET", "s3cret");
			env.put(county + "SCOPES", "openid fhirUser patient/Patient.rs patient/Condition.rs");
			env.put(county + "BACKEND_CLIENT_ID", "kinship-backend");
			env.put(county + "BACKEND_SCOPES", "system/Patient.rs");
			env.put(county + "ROLES_0_FHIR_USER", "Practitioner/manager-1");
			env.put(county + "ROLES_0_RIGHT", "COMMUNITY_MANAGER");
			env.put(county + "ROLES_1_FHIR_USER", "Practitioner/facilitator-2");
			env.put(county + "ROLES_1_RIGHT", "facilitator");
			String clinic = "KINSHIP_LAUNCH_ISSUERS_CLINIC_";
			env.put(clinic + "DISPLAY_NAME", "Clinic by the Sea");
			env.put(clinic + "FHIR_BASE_URL", EHR.fhirBase("clinic"));
			env.put(clinic + "CLIENT_ID", "kinship-clinic");
			env.put(clinic + "CLIENT_AUTHENTICATION", "none");
			env.put(clinic + "EHR_LAUNCH_ONLY", "true");
			env.put("KINSHIP_LAUNCH_BRANDS",
					brandsFile(EHR.fhirBase("countypatients")) + "," + EHR.baseUrl() + "/brands.json");
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", env));
		}

		private static String brandsFile(String countyFhir) {
			try {
				Path file = Files.createTempFile("brands", ".json");
				file.toFile().deleteOnExit();
				Files.writeString(file, brandsBundle(countyFhir));
				return file.toUri().toString();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
