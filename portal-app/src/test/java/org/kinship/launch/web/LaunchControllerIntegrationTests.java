package org.kinship.launch.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "kinship.launch.issuers.general.display-name=General Hospital",
		"kinship.launch.issuers.general.fhir-base-url=https://ehr.general.example/fhir",
		"kinship.launch.issuers.general.client-id=kinship" })
@AutoConfigureMockMvc
class LaunchControllerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void acceptsALaunchFromARegisteredIssuer() throws Exception {
		this.mvc.perform(get("/launch").param("iss", "https://ehr.general.example/fhir/").param("launch", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("General Hospital")));
	}

	@Test
	void refusesAnUnregisteredIssuerWithAPlainPage() throws Exception {
		this.mvc.perform(get("/launch").param("iss", "https://attacker.example/fhir").param("launch", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("open Kinship again from your portal")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void refusesALaunchWithoutIssuer() throws Exception {
		this.mvc.perform(get("/launch")).andExpect(status().isBadRequest());
	}

}
