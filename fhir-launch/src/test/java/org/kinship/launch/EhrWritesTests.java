package org.kinship.launch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A create Kinship may send again is a conditional create on its identifier, and gives
 * the id of the resource whether the EHR created it or found it.
 */
class EhrWritesTests {

	static final WireMockServer EHR = new WireMockServer(options().dynamicPort());

	static final FhirContext FHIR = FhirContext.forR4();

	@BeforeAll
	static void start() {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		EHR.start();
	}

	@AfterAll
	static void stop() {
		EHR.stop();
	}

	@Test
	void asksTheEhrForTheResourceByIdentifierAndTakesTheIdOfTheOneCreated() {
		EHR.stubFor(post(urlPathEqualTo("/created/Communication")).willReturn(aResponse().withStatus(201)
			.withHeader("Location", EHR.baseUrl() + "/created/Communication/c-1/_history/1")));

		String id = EhrWrites.createOnceForId(client("created"), notice("7"), "urn:kinship:notification", "7");

		assertThat(id).isEqualTo("c-1");
		EHR.verify(postRequestedFor(urlPathEqualTo("/created/Communication")).withHeader("If-None-Exist",
				equalTo("identifier=urn%3Akinship%3Anotification%7C7")));
	}

	@Test
	void takesTheIdOfTheResourceTheEhrAlreadyHeld() {
		EHR.stubFor(post(urlPathEqualTo("/found/Communication")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/fhir+json")
			.withBody("{\"resourceType\": \"Communication\", \"id\": \"c-held\", \"status\": \"completed\"}")));

		String id = EhrWrites.createOnceForId(client("found"), notice("8"), "urn:kinship:notification", "8");

		assertThat(id).as("from the body when no Location is given").isEqualTo("c-held");
	}

	@Test
	void anAnswerWithoutAnIdSaysSo() {
		EHR.stubFor(post(urlPathEqualTo("/silent/Communication")).willReturn(aResponse().withStatus(201)));

		assertThat(EhrWrites.createOnce(client("silent"), notice("10"), "urn:kinship:notification", "10")).isEmpty();
		assertThatIllegalStateException().isThrownBy(
				() -> EhrWrites.createOnceForId(client("silent"), notice("10"), "urn:kinship:notification", "10"));
	}

	@Test
	void severalHeldIsAClientError() {
		EHR.stubFor(post(urlPathEqualTo("/several/Communication")).willReturn(aResponse().withStatus(412)));

		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> EhrWrites.createOnce(client("several"), notice("9"), "urn:kinship:notification", "9"));
	}

	private static IGenericClient client(String path) {
		return FHIR.newRestfulGenericClient(EHR.baseUrl() + "/" + path);
	}

	private static Communication notice(String id) {
		Communication communication = new Communication();
		communication.addIdentifier().setSystem("urn:kinship:notification").setValue(id);
		communication.setStatus(Communication.CommunicationStatus.COMPLETED);
		return communication;
	}

}
