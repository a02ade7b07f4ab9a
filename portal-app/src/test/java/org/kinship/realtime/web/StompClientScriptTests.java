package org.kinship.realtime.web;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class StompClientScriptTests {

	@Test
	void pointsAtTheLibraryInTheWebjarOnTheClassPath() {
		String path = new StompClientScript().path();

		assertThat(path).startsWith("/webjars/stomp__stompjs/").endsWith("/bundles/stomp.umd.min.js");
		assertThat(new ClassPathResource("META-INF/resources" + path).exists()).isTrue();
	}

}
