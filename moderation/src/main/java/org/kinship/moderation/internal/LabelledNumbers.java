package org.kinship.moderation.internal;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number that follows its label at a few words' distance: "MRN 00482913", "my MRN at
 * the VA is 104-88-2231", "mi número de expediente en el hospital es 4455667". Up to
 * eight words may sit between the label and the number, none of them a word that starts a
 * different kind of data ("call", "phone", "email"), so that a phone number given after a
 * record label is still a phone number.
 *
 * <p>
 * Each word of the gap is taken whole (a possessive repetition) and words are separated
 * by at least one other character, so a gap can be read only one way and the work at each
 * label is bounded by its {@value #WINDOW} characters.
 */
final class LabelledNumbers {

	/** How far after a label its number may start, in characters. */
	static final int WINDOW = 80;

	private static final Pattern GAP_THEN_NUMBER = Pattern.compile("^(?:[^a-z0-9]{1,3}+"
			+ "(?!(?:call|text|phone|cell|tel|telefono|celular|movil|email|e-mail|correo|whatsapp|llama\\w*)\\b)"
			+ "[a-z']{1,15}+){0,8}?[^a-z0-9]{0,4}+(?:#\\s?)?"
			+ "(?<number>(?:[a-z]{1,3}-?)?\\d(?:[\\d./-]|\\s(?=\\d)){2,18}+[a-z]?|[a-z]{1,3}-?\\d{3,12}+)(?![\\d])");

	private LabelledNumbers() {
	}

	/**
	 * Finds numbers after labels and claims their spans.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @param label where labels are
	 * @param accepted whether a number after a label is of the kind looked for
	 * @param claimed spans already taken, to which the spans found are added
	 * @return whether any was found
	 */
	static boolean find(String folded, Pattern label, Predicate<String> accepted, List<int[]> claimed) {
		boolean found = false;
		Matcher labels = label.matcher(folded);
		Matcher number = GAP_THEN_NUMBER.matcher(folded);
		while (labels.find()) {
			number.region(labels.end(), Math.min(folded.length(), labels.end() + WINDOW));
			if (number.lookingAt() && accepted.test(number.group("number"))
					&& !PersonalDataDetector.overlaps(number.start("number"), number.end("number"), claimed)) {
				claimed.add(new int[] { labels.start(), number.end("number") });
				found = true;
			}
		}
		return found;
	}

	/**
	 * The digits in a number.
	 * @param number a number as written
	 * @return how many digits it has
	 */
	static int digits(String number) {
		int digits = 0;
		for (int i = 0; i < number.length(); i++) {
			char c = number.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
		}
		return digits;
	}

}
