package org.kinship.chat.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.Refused;
import org.kinship.moderation.Flags.FlagReason;

/**
 * Flag reasons as pages and frames spell them ({@code off-topic}, {@code worried}, ...).
 */
final class FlagReasons {

	private FlagReasons() {
	}

	static String spelled(FlagReason reason) {
		return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static FlagReason parse(@Nullable String reason) {
		try {
			return FlagReason.valueOf(String.valueOf(reason).toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new Refused("chat.error.flag-reason");
		}
	}

}
