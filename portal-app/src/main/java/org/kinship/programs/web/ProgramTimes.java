package org.kinship.programs.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.kinship.programs.internal.ProgramsProperties;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times and days of programs in the page's language and the community's time zone, for
 * the templates ({@code @programTimes}).
 */
@Component("programTimes")
public class ProgramTimes {

	private final ProgramsProperties properties;

	ProgramTimes(ProgramsProperties properties) {
		this.properties = properties;
	}

	public String when(Instant at) {
		Locale locale = LocaleContextHolder.getLocale();
		var local = at.atZone(this.properties.timeZone());
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(local) + ", "
				+ DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local);
	}

	public String date(LocalDate day) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(LocaleContextHolder.getLocale())
			.format(day);
	}

	public String time(LocalTime time) {
		return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.format(time);
	}

	public String day(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
	}

	public String days(Collection<DayOfWeek> days) {
		return days.stream().map(this::day).collect(Collectors.joining(", "));
	}

	public String zone() {
		return this.properties.timeZone().getId();
	}

}
