package org.kinship.chat.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kinship.chat.Chat;
import org.kinship.moderation.Flags.FlagReason;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChoicesSectionTests {

	@Test
	void offersTheReactionsAndFlagReasonsTheServerAccepts() {
		assertThat(ChoicesSection.CHOICES.reactions()).isEqualTo(Chat.REACTIONS);
		assertThat(ChoicesSection.CHOICES.flagReasons()).extracting((choice) -> FlagReasons.parse(choice.value()))
			.containsExactly(FlagReason.values());
	}

	@Test
	void everyFlagReasonHasALabelInEveryLanguage() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		for (Locale language : new Locale[] { Locale.ENGLISH, Locale.forLanguageTag("es") }) {
			ChoicesSection.CHOICES.flagReasons()
				.forEach((choice) -> assertThat(messages.getMessage(choice.messageKey(), null, null, language))
					.as(choice.messageKey() + " in " + language)
					.isNotBlank());
		}
	}

}
