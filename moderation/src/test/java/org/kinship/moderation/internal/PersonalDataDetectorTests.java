package org.kinship.moderation.internal;

import org.junit.jupiter.api.Test;
import org.kinship.moderation.internal.PersonalDataDetector.PersonalData;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataDetectorTests {

	@Test
	void findsPhoneNumbersInUsFormats() {
		for (String text : new String[] { "555-123-4567", "(555) 123-4567", "555.123.4567", "+1 555 123 4567",
				"1-555-123-4567", "5551234567", "call me at 555-1234" }) {
			assertThat(found(text)).as(text).containsExactly(PersonalData.PHONE_NUMBER);
		}
	}

	@Test
	void doesNotTakeNumbersOfEverydayHealthTalkForPhoneNumbers() {
		for (String text : new String[] { "my phone died", "my A1c was 7.2", "I take 500 mg twice a day",
				"120/80 this morning", "10,000 steps", "room 555-1234 is on the left" }) {
			assertThat(found(text)).as(text).isEmpty();
		}
	}

	@Test
	void findsADateOfBirthOnlyNextToBirthWords() {
		assertThat(found("born 3/4/1961")).containsExactly(PersonalData.DATE_OF_BIRTH);
		assertThat(found("my birthday is 3/4/1961")).containsExactly(PersonalData.DATE_OF_BIRTH);
		assertThat(found("my birthday is 3/4")).isEmpty();
		assertThat(found("my appointment on 3/4")).isEmpty();
		assertThat(found("diagnosed on 3/4/1961")).isEmpty();
	}

	@Test
	void takesANumberAfterARecordWordForARecordNumberNotAPhoneNumber() {
		assertThat(found("MRN 555 123 4567")).containsExactly(PersonalData.MEDICAL_RECORD_NUMBER);
		assertThat(found("my SSN 123 45 6789")).containsExactly(PersonalData.SOCIAL_SECURITY_NUMBER);
	}

	@Test
	void scansALongHostileMessageInOnePass() {
		String text = "1".repeat(2_000) + "@".repeat(1_000) + "a.".repeat(500);
		assertThat(found(text)).doesNotContain(PersonalData.EMAIL_ADDRESS);
	}

	private static java.util.Set<PersonalData> found(String text) {
		return PersonalDataDetector.find(TextNormalizer.forPersonalData(text));
	}

}
