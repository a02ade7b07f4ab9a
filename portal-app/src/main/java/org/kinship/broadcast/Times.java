package org.kinship.broadcast;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.Refused;

/**
 * Times as the compose form shows them: {@code datetime-local} values in the community
 * manager's own time zone (UTC where it is not known).
 */
final class Times {

	private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private Times() {
	}

	static String format(@Nullable Instant instant) {
		return format(instant, ZoneOffset.UTC);
	}

	static String format(@Nullable Instant instant, java.time.ZoneId zone) {
		return (instant != null) ? FORM.format(instant.atZone(zone)) : "";
	}

	static String display(Instant instant) {
		return FORM.format(instant.atOffset(ZoneOffset.UTC)).replace('T', ' ') + " UTC";
	}

	static @Nullable Instant parse(@Nullable String text, String errorKey, java.time.ZoneId zone) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(zone).toInstant().truncatedTo(ChronoUnit.SECONDS);
		}
		catch (DateTimeParseException ex) {
			throw new Refused(errorKey, text.strip());
		}
	}

}
