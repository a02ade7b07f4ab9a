package org.kinship.shared.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonsTests {

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void namesThePersonalDataToRemoveInTheMembersLanguage() {
		Object[] found = { "a phone number and an e-mail address", "moderation.personal-data.phone-number",
				"moderation.personal-data.email-address" };

		assertThat(Reasons.text(this.messages, Locale.forLanguageTag("es"), "moderation.held.personal-data", found))
			.contains("un número de teléfono")
			.doesNotContain("a phone number");
		assertThat(Reasons.text(this.messages, Locale.ENGLISH, "moderation.held.personal-data", found))
			.contains("a phone number, an e-mail address");
	}

	@Test
	void leavesPlainArgumentsAsTheyAre() {
		assertThat(Reasons.text(this.messages, Locale.ENGLISH, "chat.error.too-long", 4000, 4100)).contains("4,000")
			.contains("4,100");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "moderation-messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
