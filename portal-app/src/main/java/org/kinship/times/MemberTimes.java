package org.kinship.times;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import org.kinship.shared.RequestMemo;
import org.kinship.times.internal.TimeZoneStore;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as a person reads and types them: in their own time zone (the one they chose, or
 * their browser's, else UTC), in their language, with the date wherever it is not today
 * there. Templates call it as {@code @kinshipTimes}; the zone is read once per request.
 */
@Component("kinshipTimes")
public class MemberTimes {

	private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final TimeZoneStore store;

	private final Clock clock;

	MemberTimes(TimeZoneStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * A person's time zone.
	 * @param principal the person
	 * @return their zone, UTC when none is known yet
	 */
	public ZoneId zone(KinshipPrincipal principal) {
		return stored(principal).orElse(ZoneOffset.UTC);
	}

	/**
	 * Whether a person's zone is known (chosen, or given by their browser).
	 * @param principal the person
	 * @return true once stored
	 */
	public boolean known(KinshipPrincipal principal) {
		return stored(principal).isPresent();
	}

	/**
	 * The time zone of the person of the current request.
	 * @return their zone, UTC without a launch
	 */
	public ZoneId zone() {
		// the stored zone is read once per page (RequestMemo)
		return CurrentPrincipal.get().map(this::zone).orElse(ZoneOffset.UTC);
	}

	/**
	 * The time zone of the person of the current request, if it is known.
	 * @param fallback the zone without a launch or a stored zone
	 * @return their zone, or the fallback
	 */
	public ZoneId zoneOr(ZoneId fallback) {
		return CurrentPrincipal.get().flatMap(this::stored).orElse(fallback);
	}

	/**
	 * Stores the zone a person chose.
	 * @param principal the person
	 * @param zoneId the zone's id, such as {@code America/Chicago}
	 * @throws Refused for a zone Java does not know
	 */
	public void choose(KinshipPrincipal principal, String zoneId) {
		this.store.save(principal.issuer(), principal.fhirUser(), parse(zoneId));
	}

	/**
	 * Stores the zone a person's browser gave, unless one is known already: a zone chosen
	 * by hand stays.
	 * @param principal the person
	 * @param zoneId the browser's zone
	 * @return whether it was stored
	 */
	public boolean fromBrowser(KinshipPrincipal principal, String zoneId) {
		if (known(principal)) {
			return false;
		}
		this.store.save(principal.issuer(), principal.fhirUser(), parse(zoneId));
		return true;
	}

	/**
	 * A moment as the current person reads it: the time alone today, the date and time
	 * otherwise, in their zone and language.
	 * @param instant the moment, or {@code null}
	 * @return the text, empty for {@code null}
	 */
	public String show(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		ZoneId zone = zone();
		Locale locale = LocaleContextHolder.getLocale();
		ZonedDateTime there = instant.atZone(zone);
		boolean today = there.toLocalDate().equals(LocalDate.ofInstant(this.clock.instant(), zone));
		DateTimeFormatter format = today ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
		return format.withLocale(locale).format(there);
	}

	/**
	 * The time now, as the current person reads it.
	 * @return the text
	 */
	public String showNow() {
		return show(this.clock.instant());
	}

	/**
	 * The time zone of the person of the current request, or UTC.
	 * @return the zone's id, such as {@code America/Chicago}
	 */
	public String zoneId() {
		return zone().getId();
	}

	/**
	 * A day as the current person reads it, in their zone and language.
	 * @param instant the moment, or {@code null}
	 * @return the date, empty for {@code null}
	 */
	public String showDate(@Nullable Instant instant) {
		return (instant == null) ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(LocaleContextHolder.getLocale())
					.format(instant.atZone(zone()));
	}

	/**
	 * A moment as a {@code datetime-local} input shows it, in the person's zone.
	 * @param principal the person
	 * @param instant the moment, or {@code null}
	 * @return {@code yyyy-MM-ddTHH:mm}, empty for {@code null}
	 */
	public String typed(KinshipPrincipal principal, @Nullable Instant instant) {
		return (instant == null) ? "" : TYPED.format(instant.atZone(zone(principal)));
	}

	/**
	 * A time typed in a {@code datetime-local} input, read in the person's zone.
	 * @param principal the person
	 * @param typed {@code yyyy-MM-ddTHH:mm}, seconds allowed
	 * @return the moment, or empty when it cannot be read
	 */
	public Optional<Instant> read(KinshipPrincipal principal, String typed) {
		try {
			return Optional.of(LocalDateTime.parse(typed.strip()).atZone(zone(principal)).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private Optional<ZoneId> stored(KinshipPrincipal principal) {
		return RequestMemo.once("times.stored " + principal.issuer() + " " + principal.fhirUser(),
				() -> this.store.find(principal.issuer(), principal.fhirUser()));
	}

	private static ZoneId parse(String zoneId) {
		String id = zoneId.strip();
		if (!TimeZoneStore.isKnown(id)) {
			throw new Refused("times.error.zone");
		}
		return ZoneId.of(id);
	}

}
