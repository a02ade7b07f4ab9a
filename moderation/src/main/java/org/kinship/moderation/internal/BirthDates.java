package org.kinship.moderation.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a date right after "born", "DOB" and the like, a full date with its
 * year after "birthday", or any date just before "is my date of birth". A date alone ("my
 * appointment on 3/4") is not personal data. Numeric dates, month names in English and
 * Spanish; every repetition bounded, so the scan is linear.
 */
final class BirthDates {

	private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
			+ "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

	private static final String MES = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
			+ "|octubre|noviembre|diciembre)";

	private static final Pattern DATE = Pattern
		.compile("(?<!\\d)(?:\\d{4}-\\d{1,2}-\\d{1,2}" + "|\\d{1,2}[/.-]\\d{1,2}(?:[/.-](?<nyear>\\d{4}|\\d{2}))?"
				+ "(?!\\d)|\\b" + MONTH + "\\.? {1,2}\\d{1,2}(?:st|nd|rd|th)?\\b(?:,? {1,2}(?<myear>\\d{4}))?"
				+ "|\\d{1,2}(?:st|nd|rd|th)? (?:of )?" + MONTH + "\\b(?:,? {1,2}(?<dyear>\\d{4}))?" + "|\\d{1,2} de "
				+ MES + "(?: del? (?<eyear>\\d{4}))?)");

	private static final Pattern BORN_BEFORE = Pattern
		.compile("\\b(?:born|birth|dob|d\\.o\\.b|nacimiento|naci|nacio)\\b");

	private static final Pattern BIRTHDAY_BEFORE = Pattern.compile("\\b(?:birthday|bday|b-day|cumpleanos|cumple)\\b");

	private static final Pattern BIRTH_AFTER = Pattern
		.compile("^.{0,12}\\b(?:dob|date of birth|birth ?date|birthday|fecha de nacimiento|cumpleanos)\\b");

	private BirthDates() {
	}

	/**
	 * Whether a message holds a date of birth.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @param claimed spans already taken by record and social security numbers
	 * @return whether it does
	 */
	static boolean in(String folded, List<int[]> claimed) {
		Matcher date = DATE.matcher(folded);
		while (date.find()) {
			if (PersonalDataDetector.overlaps(date.start(), date.end(), claimed)) {
				continue;
			}
			int from = Math.max(0, date.start() - 40);
			boolean year = date.group("nyear") != null || date.group("myear") != null || date.group("dyear") != null
					|| date.group("eyear") != null || date.group().matches("\\d{4}-.*");
			if (BORN_BEFORE.matcher(folded).region(from, date.start()).find()
					|| (year && BIRTHDAY_BEFORE.matcher(folded).region(from, date.start()).find())
					|| BIRTH_AFTER.matcher(folded)
						.region(date.end(), Math.min(folded.length(), date.end() + 40))
						.find()) {
				return true;
			}
		}
		return false;
	}

}
