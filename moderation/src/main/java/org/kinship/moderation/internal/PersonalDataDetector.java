package org.kinship.moderation.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds personal data a member should not post in a group: phone numbers, e-mail and
 * street addresses, dates of birth, medical record numbers and social security numbers,
 * in English and Spanish, written as members write them in the United States and
 * elsewhere, disguised ("maria dot lopez at gmail dot com") or spelled out as words
 * ("five five five, one two three four").
 *
 * <p>
 * Record and social security numbers are looked for first and claim their spans, so that
 * a number after "MRN" is not also taken for a telephone number or a date. Every pattern
 * is fixed and written here, never taken from users, and every repetition in it is
 * bounded, so each starting position costs a bounded amount of work and a message is
 * scanned in time linear in its length. The patterns run over
 * {@link TextNormalizer#forPersonalData(String)}, which keeps the digits that the word
 * form reads as letters.
 */
final class PersonalDataDetector {

	private PersonalDataDetector() {
	}

	/**
	 * The kinds of personal data in a message.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @return the kinds found, in the order of {@link PersonalData}
	 */
	static Set<PersonalData> find(String folded) {
		Set<PersonalData> found = scan(folded);
		String spelled = SpelledDigits.asDigits(folded);
		if (spelled != null) {
			found.addAll(scan(spelled));
		}
		return found;
	}

	private static Set<PersonalData> scan(String folded) {
		Set<PersonalData> found = EnumSet.noneOf(PersonalData.class);
		if (EmailAddresses.in(folded)) {
			found.add(PersonalData.EMAIL_ADDRESS);
		}
		// most messages have few digits: the patterns that need more are not run at all
		int digits = LabelledNumbers.digits(folded);
		if (digits == 0) {
			return found;
		}
		List<int[]> claimed = new ArrayList<>();
		if (digits >= 4 && RecordNumbers.medical(folded, claimed)) {
			found.add(PersonalData.MEDICAL_RECORD_NUMBER);
		}
		if (digits >= 4 && RecordNumbers.social(folded, digits, claimed)) {
			found.add(PersonalData.SOCIAL_SECURITY_NUMBER);
		}
		if (digits >= 7 && PhoneNumbers.in(folded, claimed)) {
			found.add(PersonalData.PHONE_NUMBER);
		}
		if (StreetAddresses.in(folded)) {
			found.add(PersonalData.STREET_ADDRESS);
		}
		if (digits >= 2 && BirthDates.in(folded, claimed)) {
			found.add(PersonalData.DATE_OF_BIRTH);
		}
		return found;
	}

	/**
	 * Whether a text contains any of some words, a cheap test before a pattern's scan.
	 * @param folded the folded text
	 * @param words the words, or parts of them
	 * @return whether any is in the text
	 */
	static boolean containsAny(String folded, String... words) {
		for (String word : words) {
			if (folded.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a span overlaps one already claimed.
	 * @param start the span's first character
	 * @param end the index after its last character
	 * @param claimed the spans claimed, each {@code {start, end}}
	 * @return whether they overlap
	 */
	static boolean overlaps(int start, int end, List<int[]> claimed) {
		for (int[] span : claimed) {
			if (start < span[1] && span[0] < end) {
				return true;
			}
		}
		return false;
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
