package org.kinship.moderation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers as they are written in the United States and elsewhere: 555-123-4567,
 * +34 612 34 56 78, 0034 655 20 31 47, +44 (0)20 7946 0000, 55 1234 5678, 612 34 56 78,
 * 91 523 44 87, 07700 900 482; and any run of eight to twelve digits, or a local number
 * (555-1234), right after "call", "text", "my cell", "llámame", "whatsapp" and the like.
 * Numbers that are not telephone numbers have shapes of their own that are left alone:
 * dates (12.03.1956), decimals and readings (7.2, 128/82), thousands (10,000), and the
 * short hotlines (988, 911, 112, 024). Toll-free numbers are a service's, never a
 * member's own, and members share them for each other's sake (Mexico's Línea de la Vida,
 * 800 911 2000; 0800 345 1435 in Argentina; 0808 808 8000 in the United Kingdom). Spans
 * claimed by record and social security numbers are not telephone numbers.
 */
final class PhoneNumbers {

	private static final String BEFORE = "(?<![\\w+.,/$-])";

	private static final String AFTER = "(?![\\d/]|[.,:-]\\d)";

	/** The United States and Canada, with or without +1, and Mexico's ten digits. */
	private static final Pattern NORTH_AMERICA = Pattern.compile(
			BEFORE + "(?:(?:\\+ ?)?1[ .-]{0,2})?(?:\\(\\d{3}\\)|\\d{3})" + "[ .-]{0,2}\\d{3}[ .-]{0,2}\\d{4}" + AFTER);

	/** Shapes that few other numbers have, with their separators. */
	private static final Pattern NATIONAL = Pattern.compile(BEFORE + "(?:\\d{2}[ .-]\\d{4}[ .-]\\d{4}"
			+ "|\\d{3}[ .-]\\d{2}[ .-]\\d{2}[ .-]\\d{2}|\\d{2}[ .-]\\d{3}[ .-]\\d{2}[ .-]\\d{2}"
			+ "|[6-9]\\d{2}[ .-]\\d{3}[ .-]\\d{3}|0\\d{2,4}[ .-]\\d{3,4}[ .-]?\\d{3,4})" + AFTER);

	/** A country code after +, then groups. */
	private static final Pattern PLUS = Pattern
		.compile("(?<![\\w+])\\+ ?\\d{1,3}(?:[ .-]{0,2}(?:\\(\\d{1,4}\\)|\\d{1,5})){1,6}+" + AFTER);

	/** A country code after the 00 or 011 that dials out, then groups apart. */
	private static final Pattern EXIT = Pattern
		.compile("(?<![\\w+])(?:00|011)[ .-]?\\d{1,3}(?:[ .-]{1,2}(?:\\(\\d{1,4}\\)|\\d{1,5})){2,6}+" + AFTER);

	/** The British trunk zero in brackets: (0)20 7946 0000. */
	private static final Pattern TRUNK = Pattern.compile("\\(0\\) ?\\d{1,5}(?:[ .-]?\\d{2,4}){1,3}+" + AFTER);

	/** Eight to twelve digits in any grouping, only after a word that gives a number. */
	private static final Pattern ANY_GROUPING = Pattern.compile(BEFORE + "\\d(?:[ .-]?\\d){7,11}+" + AFTER);

	private static final Pattern LOCAL = Pattern.compile(BEFORE + "\\d{3}[ .-]\\d{4}" + AFTER);

	private static final Pattern DATE = Pattern
		.compile("\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}");

	/**
	 * The digits of a toll-free number: 800 and seven digits after an optional 1, +52 or
	 * 01 (the United States, Canada, Mexico), 888, 877, 866, 855, 844 or 833 only after
	 * the 1 (in Mexico they are the area codes of Saltillo, Monclova, Tampico); 0800 or
	 * 0808 (the United Kingdom, Argentina, Uruguay, Peru; the 0 optional after a country
	 * code); 900 and six digits (Spain, after an optional +34); 800 and six (Chile);
	 * 018000 (Colombia).
	 */
	private static final Pattern TOLL_FREE = Pattern.compile("(?:1|52|01)?800\\d{7}|18(?:88|77|66|55|44|33)\\d{7}"
			+ "|(?:(?:44|54|598|51)0?|0)80[08]\\d{4,8}|(?:34)?900\\d{6}|(?:56)?800\\d{6}|(?:57)?0?18000\\d{6,7}");

	private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

	private static final Pattern CONTEXT = Pattern.compile("\\b(?:call|calling|text|txt|texting|phone|ph|cell|cellphone"
			+ "|mobile|number|tel|telephone|reach|ring|contact|whatsapp|whats|sms|landline|line|llama\\w{0,6}"
			+ "|llamar\\w{0,4}|marca\\w{0,4}|telefono|celular|cel|celu|movil|fijo|numero|num|wasap|guasap|escrib\\w{0,8}"
			+ "|mensaje|textea\\w{0,4}|contacto|tlf|tfno|telf)\\b");

	private PhoneNumbers() {
	}

	/**
	 * Whether a message holds a telephone number outside the claimed spans.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @param claimed spans taken by record and social security numbers; not changed
	 * @return whether it does
	 */
	static boolean in(String folded, List<int[]> claimed) {
		// a toll-free number claims its span, so that no shorter shape is read inside it
		List<int[]> taken = new ArrayList<>(claimed);
		return any(folded, NORTH_AMERICA, taken, 10, false) || any(folded, PLUS, taken, 8, false)
				|| any(folded, EXIT, taken, 11, false) || folded.contains("(0)") && any(folded, TRUNK, taken, 8, false)
				|| any(folded, NATIONAL, taken, 8, false) || any(folded, ANY_GROUPING, taken, 8, true)
				|| any(folded, LOCAL, taken, 7, true);
	}

	private static boolean any(String folded, Pattern shape, List<int[]> taken, int minDigits, boolean needsContext) {
		Matcher matcher = shape.matcher(folded);
		while (matcher.find()) {
			String number = matcher.group();
			if (LabelledNumbers.digits(number) < minDigits || DATE.matcher(number).matches()
					|| PersonalDataDetector.overlaps(matcher.start(), matcher.end(), taken)) {
				continue;
			}
			if (TOLL_FREE.matcher(NOT_DIGIT.matcher(number).replaceAll("")).matches()) {
				taken.add(new int[] { matcher.start(), matcher.end() });
			}
			else if (!needsContext
					|| CONTEXT.matcher(folded).region(Math.max(0, matcher.start() - 40), matcher.start()).find()) {
				return true;
			}
		}
		return false;
	}

}
