package org.kinship.moderation.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data a member should not post in a group: phone numbers, e-mail and
 * street addresses, dates of birth, medical record numbers and social security numbers.
 *
 * <p>
 * Every pattern is fixed and written here, never taken from users, and every repetition
 * in it is bounded, so each starting position costs a bounded amount of work and a
 * message is scanned in time linear in its length. The patterns run over
 * {@link TextNormalizer#forPersonalData(String)}, which keeps the digits that the word
 * form reads as letters.
 */
final class PersonalDataDetector {

	private static final String NOT_DIGIT_BEFORE = "(?<![\\d])";

	private static final String NOT_DIGIT_AFTER = "(?![\\d])";

	private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+?1[ .-]{0,2})?(?:\\(\\d{3}\\)|\\d{3})"
			+ "[ .-]{0,2}\\d{3}[ .-]{0,2}\\d{4}" + NOT_DIGIT_AFTER);

	private static final Pattern LOCAL_PHONE = Pattern.compile(NOT_DIGIT_BEFORE + "\\d{3}[.-]\\d{4}" + NOT_DIGIT_AFTER);

	private static final Pattern PHONE_CONTEXT = Pattern
		.compile("\\b(?:call|text|phone|cell|number|reach me|llama|llamame|telefono|celular|whatsapp)\\b");

	private static final Pattern EMAIL = Pattern
		.compile("(?<![\\w.%+-])[\\w.%+-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,3}\\.[a-z]{2,24}\\b");

	private static final Pattern SPELLED_EMAIL = Pattern.compile(
			"\\b[\\w.-]{1,64} {0,2}(?:\\(at\\)|\\[at\\]| at | arroba ) {0,2}[a-z0-9-]{1,63} {0,2}(?:\\(dot\\)|\\[dot\\]| dot | punto ) {0,2}(?:com|org|net|edu|gov)\\b");

	private static final Pattern STREET = Pattern.compile("\\b\\d{1,6}(?:\\s{1,3}[\\w'.-]{1,24}){1,3}\\s{1,3}"
			+ "(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter"
			+ "|circle|cir|parkway|pkwy|highway|hwy|trail|trl)\\b");

	private static final Pattern CALLE = Pattern.compile(
			"\\b(?:calle|avenida|carrera|avda)(?:\\s{1,3}[\\w'.-]{1,24}){1,3}\\s{1,3}(?:no\\.? ?|num\\.? ?|#)?\\d{1,5}\\b");

	private static final Set<String> NOT_A_STREET_NAME = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "for",
			"from", "by", "with", "and", "or", "more", "other", "my", "your", "our", "his", "her", "their", "miles",
			"mile", "blocks", "block", "minutes", "minute", "mins", "hours", "hour", "days", "day", "weeks", "week",
			"years", "year", "times", "time", "feet", "foot", "steps", "km", "down", "up", "off", "near", "past",
			"across", "along", "better", "good", "long", "last", "first", "new", "only", "best", "kids", "mg", "pills",
			"de", "la", "el", "en", "y", "que", "por", "para", "con");

	private static final Pattern RECORD_KEYWORD = Pattern.compile("\\b(?:mrn|medical record(?: number| no\\.?| #)?"
			+ "|record (?:number|no\\.?|#)|chart (?:number|no\\.?|#)|patient (?:id|number|no\\.?|#)|member id"
			+ "|expediente|historia clinica|numero de historia)");

	private static final Pattern RECORD_NUMBER = Pattern
		.compile("^\\W{0,4}(?:(?:is|es|:) {0,2})?#? ?[a-z]{0,3}-?\\d[\\d -]{3,14}\\d");

	private static final Pattern SSN = Pattern
		.compile(NOT_DIGIT_BEFORE + "\\d{3}(?:-\\d{2}-| \\d{2} )\\d{4}" + NOT_DIGIT_AFTER);

	private static final Pattern SSN_KEYWORD = Pattern
		.compile("\\b(?:ssn|social security(?: number| no\\.?| #)?|seguro social)\\b");

	private static final Pattern SSN_NUMBER = Pattern
		.compile("^\\D{0,20}(?<!\\d)(?:\\d{3}[ -]?\\d{2}[ -]?)?\\d{4}(?!\\d)");

	private PersonalDataDetector() {
	}

	/**
	 * The kinds of personal data in a message.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @return the kinds found, in the order of {@link PersonalData}
	 */
	static Set<PersonalData> find(String folded) {
		Set<PersonalData> found = EnumSet.noneOf(PersonalData.class);
		if (folded.indexOf('@') >= 0 && EMAIL.matcher(folded).find()
				|| (folded.contains("dot") || folded.contains("punto")) && SPELLED_EMAIL.matcher(folded).find()) {
			found.add(PersonalData.EMAIL_ADDRESS);
		}
		if (!hasDigit(folded)) {
			return found;
		}
		List<int[]> claimed = new ArrayList<>();
		if (containsAny(folded, "mrn", "record", "chart", "patient", "member id", "expediente", "historia")
				&& afterKeyword(folded, RECORD_KEYWORD, RECORD_NUMBER, claimed)) {
			found.add(PersonalData.MEDICAL_RECORD_NUMBER);
		}
		boolean ssnKeyword = containsAny(folded, "ssn", "social", "seguro")
				&& afterKeyword(folded, SSN_KEYWORD, SSN_NUMBER, claimed);
		if (any(SSN.matcher(folded), claimed) || ssnKeyword) {
			found.add(PersonalData.SOCIAL_SECURITY_NUMBER);
		}
		if (phone(folded, claimed)) {
			found.add(PersonalData.PHONE_NUMBER);
		}
		if (street(STREET.matcher(folded))
				|| containsAny(folded, "calle", "av", "carrera") && street(CALLE.matcher(folded))) {
			found.add(PersonalData.STREET_ADDRESS);
		}
		if (containsAny(folded, "born", "birth", "dob", "d.o.b", "nac", "cumple", "bday", "b-day")
				&& BirthDates.in(folded, claimed)) {
			found.add(PersonalData.DATE_OF_BIRTH);
		}
		return found;
	}

	private static boolean hasDigit(String folded) {
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (c >= '0' && c <= '9') {
				return true;
			}
		}
		return false;
	}

	private static boolean containsAny(String folded, String... words) {
		for (String word : words) {
			if (folded.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private static boolean afterKeyword(String folded, Pattern keyword, Pattern number, List<int[]> claimed) {
		boolean found = false;
		Matcher keywords = keyword.matcher(folded);
		while (keywords.find()) {
			int end = Math.min(folded.length(), keywords.end() + 40);
			Matcher digits = number.matcher(folded).region(keywords.end(), end);
			if (digits.find()) {
				claimed.add(new int[] { keywords.start(), digits.end() });
				found = true;
			}
		}
		return found;
	}

	private static boolean any(Matcher matcher, List<int[]> claimed) {
		boolean found = false;
		while (matcher.find()) {
			claimed.add(new int[] { matcher.start(), matcher.end() });
			found = true;
		}
		return found;
	}

	private static boolean phone(String folded, List<int[]> claimed) {
		Matcher full = PHONE.matcher(folded);
		while (full.find()) {
			if (!overlaps(full.start(), full.end(), claimed)) {
				return true;
			}
		}
		Matcher local = LOCAL_PHONE.matcher(folded);
		while (local.find()) {
			if (!overlaps(local.start(), local.end(), claimed)
					&& PHONE_CONTEXT.matcher(folded).region(Math.max(0, local.start() - 30), local.start()).find()) {
				return true;
			}
		}
		return false;
	}

	/** Whether a match has street-name words between its number and its "street". */
	private static boolean street(Matcher matcher) {
		while (matcher.find()) {
			String[] words = matcher.group().split("\\s+");
			boolean name = true;
			for (int i = 1; i < words.length - 1; i++) {
				name &= !NOT_A_STREET_NAME.contains(words[i]);
			}
			if (name) {
				return true;
			}
		}
		return false;
	}

	static boolean overlaps(int start, int end, List<int[]> claimed) {
		return claimed.stream().anyMatch((span) -> start < span[1] && span[0] < end);
	}

	/** The kinds of personal data, with the words the member and the review queue see. */
	enum PersonalData {

		PHONE_NUMBER("phone number"), EMAIL_ADDRESS("e-mail address"), STREET_ADDRESS("street address"),
		DATE_OF_BIRTH("date of birth"), MEDICAL_RECORD_NUMBER("medical record number"),
		SOCIAL_SECURITY_NUMBER("social security number");

		private final String label;

		PersonalData(String label) {
			this.label = label;
		}

		/** The kind in words, for the review queue and the member's note. */
		String label() {
			return this.label;
		}

		/** Key of the kind's words in the member's language. */
		String key() {
			return "moderation.personal-data." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

}
