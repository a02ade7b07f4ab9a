package org.kinship.home;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class HomePageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void servesTheHomePageInEnglish() throws Exception {
		this.mvc.perform(get("/").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Welcome to Kinship")));
	}

	@Test
	void servesTheHomePageInSpanishToSpanishBrowsers() throws Exception {
		this.mvc.perform(get("/").header("Accept-Language", "es-MX,es;q=0.9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bienvenido a Kinship")))
			.andExpect(content().string(containsString("lang=\"es\"")));
	}

	@Test
	void reportsReadyOnTheEmbeddedDefault() throws Exception {
		// Actuator itself is on the management port; the application's port answers the
		// readiness probe
		this.mvc.perform(get("/readyz")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

}
