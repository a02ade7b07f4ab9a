package org.kinship.sessions.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.Optional;

import org.kinship.times.MemberTimes;

import org.springframework.stereotype.Component;

/**
 * Session times as a person reads and types them: in their own time zone (see
 * {@link MemberTimes}), or the community's ({@code kinship.sessions.time-zone}) where
 * theirs is not known yet or no person is asking.
 */
@Component
public class LocalTimes {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SessionsProperties properties;

	private final MemberTimes memberTimes;

	LocalTimes(SessionsProperties properties, MemberTimes memberTimes) {
		this.properties = properties;
		this.memberTimes = memberTimes;
	}

	/**
	 * The zone times are read and typed in for the person asking.
	 * @return their zone, or the community's
	 */
	public ZoneId zone() {
		return this.memberTimes.zoneOr(this.properties.timeZone());
	}

	/**
	 * The time of day.
	 * @param instant the moment
	 * @return for example {@code 15:30}
	 */
	public String time(Instant instant) {
		return TIME.format(instant.atZone(zone()));
	}

	/**
	 * The date and time.
	 * @param instant the moment
	 * @return for example {@code 2026-12-01 15:30}
	 */
	public String dateTime(Instant instant) {
		return DATE_TIME.format(instant.atZone(zone()));
	}

	/**
	 * A date and time as typed in a {@code datetime-local} field.
	 * @param typed for example {@code 2026-12-01T15:30}
	 * @return the moment, or empty when it is not a date and time
	 */
	public Optional<Instant> parse(String typed) {
		try {
			return Optional.of(LocalDateTime.parse(typed.strip()).atZone(zone()).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
