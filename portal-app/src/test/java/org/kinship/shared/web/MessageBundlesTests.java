package org.kinship.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a member may see exists in English and in Spanish: a key missing from one
 * language shows the member {@code ??key_en_US??} instead of words.
 */
class MessageBundlesTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages", "escalation-messages", "moderation-messages", "launch-messages" })
	void englishAndSpanishHaveTheSameTexts(String basename) throws IOException {
		Properties english = load(basename + ".properties");
		Properties spanish = load(basename + "_es.properties");
		assertThat(spanish.stringPropertyNames()).as("texts of " + basename + " in Spanish")
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
