package org.kinship.programs.internal;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.kinship.programs.Program;
import org.kinship.programs.ProgramForm;
import org.kinship.programs.ProgramFormat;
import org.kinship.programs.ProgramKind;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;

/**
 * What makes a program's form valid, checked before anything is saved: every refusal
 * names the field to fix in plain words.
 */
@Component
public class ProgramRules {

	/** The languages a program may be held in, as the form offers them. */
	public static final List<String> LANGUAGES = List.of("en", "es", "pt", "ht", "zh", "vi");

	private final PostalCodes postalCodes;

	ProgramRules(PostalCodes postalCodes) {
		this.postalCodes = postalCodes;
	}

	/**
	 * The program a form describes.
	 * @param form the form
	 * @param id the program's id, or {@code 0} for a new one
	 * @param issuer its health system
	 * @param owner who keeps it
	 * @param today the day, in the community's time zone
	 * @param groupExists whether a group id is one of this health system's groups
	 * @return the program
	 * @throws Refused naming the first field to fix
	 */
	public Program program(ProgramForm form, long id, String issuer, String owner, LocalDate today,
			Function<Long, Boolean> groupExists) {
		ProgramKind kind = required(form.kind(), "kind");
		String name = text(form.name(), "name", 3, 120);
		String description = text(form.description(), "description", 1, 2000);
		String audience = text(form.audience(), "audience", 1, 300);
		String language = (form.language() != null) ? form.language().strip().toLowerCase(Locale.ROOT) : "";
		if (!LANGUAGES.contains(language)) {
			throw new Refused("programs.error.language");
		}
		String cost = text(form.cost(), "cost", 1, 120);
		ProgramFormat format = required(form.format(), "format");
		String address = null;
		String postalCode = null;
		String accessibility = null;
		String videoUrl = null;
		if (format == ProgramFormat.IN_PERSON) {
			address = text(form.address(), "address", 3, 300);
			postalCode = text(form.postalCode(), "postal-code", 5, 10);
			if (this.postalCodes.locate(postalCode).isEmpty()) {
				throw new Refused("programs.error.postal-code.unknown", postalCode);
			}
			accessibility = optional(form.accessibility(), "accessibility", 500);
		}
		else {
			videoUrl = videoUrl(form.videoUrl());
		}
		TreeSet<DayOfWeek> days = days(form.days());
		LocalTime start = parse(form.startTime(), "start-time", LocalTime::parse);
		int minutes = number(form.minutes(), "minutes", 15, 480);
		int capacity = number(form.capacity(), "capacity", 1, 500);
		String contact = text(form.contact(), "contact", 3, 200);
		LocalDate startsOn = parse(form.startsOn(), "starts-on", LocalDate::parse);
		LocalDate endsOn = parse(form.endsOn(), "ends-on", LocalDate::parse);
		if (endsOn.isBefore(today)) {
			throw new Refused("programs.error.ends-past");
		}
		if (endsOn.isBefore(startsOn)) {
			throw new Refused("programs.error.ends-before-start");
		}
		Set<Long> groups = Set.copyOf((form.groupIds() != null) ? form.groupIds() : List.of());
		if (groups.stream().anyMatch((group) -> !groupExists.apply(group))) {
			throw new Refused("programs.error.group");
		}
		return new Program(id, issuer, kind, name, description, audience, language, cost, format, address, postalCode,
				accessibility, videoUrl, days, start, minutes, capacity, contact, startsOn, endsOn, owner, null,
				groups);
	}

	private static TreeSet<DayOfWeek> days(@Nullable List<Integer> days) {
		TreeSet<DayOfWeek> chosen = new TreeSet<>();
		for (Integer day : (days != null) ? days : List.<Integer>of()) {
			if (day == null || day < 1 || day > 7) {
				throw new Refused("programs.error.days");
			}
			chosen.add(DayOfWeek.of(day));
		}
		if (chosen.isEmpty()) {
			throw new Refused("programs.error.days");
		}
		return chosen;
	}

	private static String videoUrl(@Nullable String value) {
		String url = text(value, "video-url", 10, 500);
		try {
			URI uri = URI.create(url);
			if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
				throw new Refused("programs.error.video-url");
			}
		}
		catch (IllegalArgumentException ex) {
			throw new Refused("programs.error.video-url");
		}
		return url;
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw new Refused("programs.error." + field);
		}
		return value;
	}

	private static String text(@Nullable String value, String field, int min, int max) {
		String text = (value != null) ? value.strip() : "";
		if (text.length() < min || text.length() > max) {
			throw new Refused("programs.error." + field, min, max);
		}
		return text;
	}

	private static @Nullable String optional(@Nullable String value, String field, int max) {
		String text = (value != null) ? value.strip() : "";
		if (text.length() > max) {
			throw new Refused("programs.error." + field, 0, max);
		}
		return text.isEmpty() ? null : text;
	}

	private static int number(@Nullable Integer value, String field, int min, int max) {
		if (value == null || value < min || value > max) {
			throw new Refused("programs.error." + field, min, max);
		}
		return value;
	}

	private static <T> T parse(@Nullable String value, String field, Function<String, T> parser) {
		try {
			return parser.apply((value != null) ? value.strip() : "");
		}
		catch (DateTimeParseException ex) {
			throw new Refused("programs.error." + field);
		}
	}

}
