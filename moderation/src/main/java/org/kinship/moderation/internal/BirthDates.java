package org.kinship.moderation.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a date shortly after "born", "DOB", "d.o.b.", "birthdate", "fecha de
 * nacimiento", "nací el" and the like, a full date with its year after "birthday" or
 * "cumpleaños", any date just before "is my date of birth", or a "6/6/66 baby". A date
 * alone ("my appointment on 3/4") is not personal data, nor a birthday without its year.
 * Numeric dates, month names and their abbreviations in English and Spanish; every
 * repetition bounded, so the scan is linear.
 */
final class BirthDates {

	private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
			+ "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
			+ "|enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|ago|septiembre|setiembre|octubre"
			+ "|noviembre|diciembre|dic)";

	private static final String YEAR = "(?:\\d{4}|'\\d{2}|\\d{2}(?!\\d))";

	private static final Pattern DATE = Pattern.compile("(?<!\\d)(?:(?<iso>\\d{4}-\\d{1,2}-\\d{1,2})"
			+ "|\\d{1,2} ?[/.-] ?\\d{1,2}(?: ?[/.-] ?(?<nyear>\\d{4}|\\d{2}))?(?![\\d/.-]\\d)" + "|\\b" + MONTH
			+ "\\.?[ -]{1,2}(?:the )?\\d{1,2}(?:st|nd|rd|th|ro)?\\b(?:,? {1,2}(?:de |del )?(?<myear>" + YEAR + "))?"
			+ "|\\d{1,2}(?:st|nd|rd|th|ro|o)?(?: of| de)? {1,2}" + MONTH + "\\b\\.?(?:,?[ -]{1,2}(?:de |del )?(?<dyear>"
			+ YEAR + "))?" + "|\\d{1,2}[/.-](?:" + MONTH
			+ "|i{1,3}|iv|vi{0,3}|ix|xi{0,2})[/.-](?<ayear>\\d{4}|\\d{2}))");

	private static final String[] BIRTH_WORDS = { "born", "birth", "dob", "d.o.b", "d o b", "nac", "cumple", "cumplo",
			"bday", "b-day", "f.n", "soy del", "baby", "bebe" };

	private static final Pattern BORN_BEFORE = Pattern.compile("\\b(?:born|birth|birth ?date|dob|d\\.o\\.b|d o b"
			+ "|nacimiento|nac|naci|nacio|nacida|nacido|nacidos|f\\. ?nac|fec\\. ?nac|f\\.n|soy del)\\b");

	private static final Pattern BIRTHDAY_BEFORE = Pattern
		.compile("\\b(?:birthday|bday|b-day|birth day|cumpleanos|cumple|cumpleano|cumplo anos)\\b");

	private static final Pattern BIRTH_AFTER = Pattern.compile("^.{0,12}\\b(?:dob|date of birth|birth ?date|birthday"
			+ "|fecha de nacimiento|cumpleanos|nacimiento|naci(?:da|do)? en (?:el )?'?\\d{2,4}|born in '?\\d{2,4})\\b");

	/** "A 6/6/66 baby": only after a date with its year. */
	private static final Pattern BABY_AFTER = Pattern.compile("^ ?(?:baby|bebe)\\b");

	private static final Pattern DECIMAL = Pattern.compile("\\d{1,2}\\.\\d{1,2}");

	/** How far before a date with its year a birth word may stand. */
	private static final int FAR = 60;

	/** How far before a date without its year a birth word may stand. */
	private static final int NEAR = 30;

	private BirthDates() {
	}

	/**
	 * Whether a message holds a date of birth.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @param claimed spans already taken by record and social security numbers
	 * @return whether it does
	 */
	static boolean in(String folded, List<int[]> claimed) {
		if (!PersonalDataDetector.containsAny(folded, BIRTH_WORDS)) {
			return false;
		}
		Matcher date = DATE.matcher(folded);
		while (date.find()) {
			// 7.2 is a reading, not the seventh of February
			if (PersonalDataDetector.overlaps(date.start(), date.end(), claimed)
					|| DECIMAL.matcher(date.group()).matches()) {
				continue;
			}
			boolean year = date.group("nyear") != null || date.group("myear") != null || date.group("dyear") != null
					|| date.group("ayear") != null || date.group("iso") != null;
			int from = Math.max(0, date.start() - (year ? FAR : NEAR));
			if (BORN_BEFORE.matcher(folded).region(from, date.start()).find()
					|| (year && BIRTHDAY_BEFORE.matcher(folded).region(from, date.start()).find())
					|| BIRTH_AFTER.matcher(folded).region(date.end(), Math.min(folded.length(), date.end() + 40)).find()
					|| year && BABY_AFTER.matcher(folded).region(date.end(), folded.length()).lookingAt()) {
				return true;
			}
		}
		return false;
	}

}
