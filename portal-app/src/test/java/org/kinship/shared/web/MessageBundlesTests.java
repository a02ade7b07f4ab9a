package org.kinship.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a member may see exists in English and in Spanish, and shows its arguments:
 * a key missing from one language shows the member {@code ??key_en_US??} instead of
 * words.
 */
class MessageBundlesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{[0-9]");

	@ParameterizedTest
	@ValueSource(strings = { "messages", "escalation-messages", "moderation-messages", "launch-messages" })
	void englishAndSpanishHaveTheSameTexts(String basename) throws IOException {
		Properties english = load(basename + ".properties");
		Properties spanish = load(basename + "_es.properties");
		assertThat(spanish.stringPropertyNames()).as("texts of " + basename + " in Spanish")
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages", "messages_es", "escalation-messages", "escalation-messages_es",
			"moderation-messages", "moderation-messages_es", "launch-messages", "launch-messages_es" })
	void aTextWithArgumentsDoublesItsApostrophes(String bundle) throws IOException {
		// MessageFormat reads a lone apostrophe as the start of quoted text, so that
		// "the group's ... {0}" would show "{0}" to the member instead of the name
		Properties texts = load(bundle + ".properties");
		assertThat(texts.stringPropertyNames()
			.stream()
			.filter((key) -> ARGUMENT.matcher(texts.getProperty(key)).find())
			.filter((key) -> texts.getProperty(key).replace("''", "").contains("'"))
			.sorted()
			.toList()).as("texts of " + bundle + " with a lone apostrophe and arguments").isEmpty();
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
