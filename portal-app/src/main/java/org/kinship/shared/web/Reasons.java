package org.kinship.shared.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.kinship.shared.Refused;

import org.springframework.context.MessageSource;

/**
 * Why something was refused or held, in the member's language, the same over HTTP and
 * over the socket. Arguments that are themselves message keys
 * ({@code moderation.personal-data.phone-number}) are said in that language too:
 * screening names what to remove by key, and in English words first.
 */
public final class Reasons {

	private static final String KEYED = "moderation.";

	private Reasons() {
	}

	/**
	 * A refusal's reason.
	 * @param messages the messages
	 * @param locale the member's language
	 * @param refused the refusal
	 * @return the reason in words
	 */
	public static String text(MessageSource messages, Locale locale, Refused refused) {
		return text(messages, locale, refused.messageKey(), refused.arguments());
	}

	/**
	 * A message whose arguments may be message keys.
	 * @param messages the messages
	 * @param locale the member's language
	 * @param key the message key
	 * @param arguments its arguments
	 * @return the message in words, or the key when there is no such message
	 */
	public static String text(MessageSource messages, Locale locale, String key, Object... arguments) {
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
