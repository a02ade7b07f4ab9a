package org.kinship.chat.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

/**
 * Why a message was refused or held, in the member's language. Arguments that are
 * themselves message keys ({@code moderation.personal-data.phone-number}) are said in
 * that language too: screening names what to remove by key, and in English words first.
 */
final class Reasons {

	private static final String KEYED = "moderation.";

	private Reasons() {
	}

	static String text(MessageSource messages, Locale locale, String key, Object... arguments) {
		Object[] said = arguments;
		long keyed = Arrays.stream(arguments).filter(Reasons::isKey).count();
		if (keyed > 0 && keyed == arguments.length - 1) {
			String words = Arrays.stream(arguments)
				.skip(1)
				.map((argument) -> messages.getMessage((String) argument, null, (String) argument, locale))
				.collect(Collectors.joining(", "));
			said = new Object[] { words };
		}
		return messages.getMessage(key, said, key, locale);
	}

	private static boolean isKey(Object argument) {
		return argument instanceof String text && text.startsWith(KEYED);
	}

}
