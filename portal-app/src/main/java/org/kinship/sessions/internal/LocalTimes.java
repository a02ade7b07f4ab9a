package org.kinship.sessions.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Session times as the community reads and types them: in its own time zone
 * ({@code kinship.sessions.time-zone}), the same for every member whatever their device.
 */
@Component
public class LocalTimes {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SessionsProperties properties;

	LocalTimes(SessionsProperties properties) {
		this.properties = properties;
	}

	/**
	 * The time of day.
	 * @param instant the moment
	 * @return for example {@code 15:30}
	 */
	public String time(Instant instant) {
		return TIME.format(instant.atZone(this.properties.timeZone()));
	}

	/**
	 * The date and time.
	 * @param instant the moment
	 * @return for example {@code 2026-12-01 15:30}
	 */
	public String dateTime(Instant instant) {
		return DATE_TIME.format(instant.atZone(this.properties.timeZone()));
	}

	/**
	 * A date and time as typed in a {@code datetime-local} field.
	 * @param typed for example {@code 2026-12-01T15:30}
	 * @return the moment, or empty when it is not a date and time
	 */
	public Optional<Instant> parse(String typed) {
		try {
			return Optional.of(LocalDateTime.parse(typed.strip()).atZone(this.properties.timeZone()).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
