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
	void findsRecordNumbersUnderTheirEverydayNames() {
		for (String text : new String[] { "med rec # 7734102", "chart number is 58-221-09", "patient ID 4410938",
				"my hospital number is H0093821", "account no. 22019847 at the dialysis center",
				"my number at the clinic is 1049-3382", "pt id: 88430211", "acct # 4456-0021",
				"Mi número de expediente es 4455667", "historia clínica 00123456", "NHC: 2231456",
				"folio 88213-4 del seguro", "mi número de historia en el hospital es 9912034" }) {
			assertThat(found(text)).as(text).containsExactly(PersonalData.MEDICAL_RECORD_NUMBER);
		}
	}

	@Test
	void findsALabelAFewWordsAwayFromItsNumber() {
		assertThat(found("my MRN at the VA is 104-88-2231")).containsExactly(PersonalData.MEDICAL_RECORD_NUMBER);
		assertThat(found("my husbands chart # at Memorial is 2209187"))
			.containsExactly(PersonalData.MEDICAL_RECORD_NUMBER);
		assertThat(found("my social, so the admin can verify, is 144389902"))
			.containsExactly(PersonalData.SOCIAL_SECURITY_NUMBER);
		assertThat(found("My date of birth, which they keep getting wrong on every form, is 02/28/1960"))
			.containsExactly(PersonalData.DATE_OF_BIRTH);
	}

	@Test
	void takesAPhoneNumberAfterARecordLabelForAPhoneNumber() {
		assertThat(found("my MRN is on my card, call me at 555-123-4567")).containsExactly(PersonalData.PHONE_NUMBER);
	}

	@Test
	void findsDatesOfBirthUnderTheirLabels() {
		for (String text : new String[] { "d.o.b. 03/12/1958", "Birthdate 04-01-1980", "born on june 14 1972",
				"born on the 9th of November 1947", "dob 8-8-88", "Nací el 3 de mayo de 1958",
				"fecha de nac.: 12/05/1970", "mi cumpleaños es el 4 de julio de 1961", "nacida el 7 abr 1949" }) {
			assertThat(found(text)).as(text).containsExactly(PersonalData.DATE_OF_BIRTH);
		}
	}

	@Test
	void findsSocialSecurityShorthandWithoutDashes() {
		for (String text : new String[] { "ssn: 611223344", "last four of my social is 4821",
				"my social's last 4 is 0042", "SS# 330612087", "my soc sec no is 118403327",
				"mi número de seguro social es 12345678901", "NSS 12 3456 7890 1", "mi DNI es 12345678Z" }) {
			assertThat(found(text)).as(text).containsExactly(PersonalData.SOCIAL_SECURITY_NUMBER);
		}
	}

	@Test
	void findsPhoneNumbersWrittenOutsideTheUnitedStates() {
		for (String text : new String[] { "my phone is +34 612 34 56 78", "call me at +44 (0)20 7946 0321",
				"Whatsapp me +52 1 55 4872 3391", "i'm at 55 1234 5678 if you need someone", "ring me on 07700 900 482",
				"mi fijo es el 91 523 44 87", "llámenme al 0034 655 20 31 47", "escríbeme al 669 45 12 33",
				"mi número es 612 987 654", "mi celu es +54 9 11 6234-5578" }) {
			assertThat(found(text)).as(text).containsExactly(PersonalData.PHONE_NUMBER);
		}
	}

	@Test
	void leavesTollFreeNumbersThatMembersShareForOthersUnheld() {
		for (String text : new String[] { "the Alzheimer's Association helpline is 800-272-3900",
				"la Línea de la Vida es 800 911 2000, la tengo pegada en el refri",
				"en Argentina el 135 o el 0800 345 1435 desde todo el país",
				"For anyone in NI, Lifeline is 0808 808 8000", "en PR la Línea PAS es 1-800-981-0023",
				"call 1 (877) 726-4727 for the helpline", "el Teléfono contra el Suicidio es +34 900 202 010",
				"en Colombia la línea 01 8000 113 113" }) {
			assertThat(found(text)).as(text).isEmpty();
		}
		for (String text : new String[] { "call me at 808 555 1234", "mi número es 800 1234 5678 9",
				"text me 1-555-800-8000", "mi celu es +54 9 11 6234-5578",
				"mi cel es 844 123 4567, soy de Saltillo" }) {
			assertThat(found(text)).as(text).containsExactly(PersonalData.PHONE_NUMBER);
		}
	}

	@Test
	void findsDigitsSpelledAsWords() {
		for (String text : new String[] { "my number is five five five, three one two, four four eight nine",
				"text me at five five five two nine oh seven seven one three", "555 two one eight, 4 4 0 9 call me",
				"llamame al seis uno dos, tres cuatro cinco, seis siete ocho",
				"call me at five five five one two three four" }) {
			assertThat(found(text)).as(text).containsExactly(PersonalData.PHONE_NUMBER);
		}
		assertThat(found("my social is 2 3 4 5 6 7 8 9 0")).containsExactly(PersonalData.SOCIAL_SECURITY_NUMBER);
		assertThat(found("one or two times, then three")).isEmpty();
	}

	@Test
	void findsObfuscatedEmailAddresses() {
		for (String text : new String[] { "maria dot lopez at gmail dot com", "jdoe [at] yahoo",
				"tonyfixit (at) aol (dot) com", "susanp72 at icloud.com", "email me: mjwalsh at yahoo.",
				"maria punto lopez arroba gmail punto com", "mi mail es jperez [arroba] yahoo.com.mx",
				"j o s e . l u n a @ g m a i l . c o m", "write to rosa.m at me dot com" }) {
			assertThat(found(text)).as(text).containsExactly(PersonalData.EMAIL_ADDRESS);
		}
		for (String text : new String[] { "I used to work at yahoo", "see you at church", "I'm at home dot",
				"baby finally smiling at me. the nights feel worth it", "the guilt was eating at me so we talked",
				"got tickets at live music night" }) {
			assertThat(found(text)).as(text).isEmpty();
		}
	}

	@Test
	void findsAddressesWrittenOutsideTheUnitedStatesAndPostOfficeBoxes() {
		for (String text : new String[] { "Calle Mayor 12, 3º B, 28013 Madrid",
				"Av. Insurgentes Sur 1234, Col. Del Valle", "Calle de Alcalá 55, 2º izq", "C/ Alcalá 120, 4º izq",
				"9 Rue des Lilas, 75011 Paris", "estoy en el 455 de la calle Juárez", "P.O. Box 442, Millersville",
				"my PO box is 1189", "apartado de correos 318, 29600 Marbella", "301 S Main, Apt 7, Lubbock",
				"Vista Del Mar, San Diego CA 92109", "5 Rosemary Close, Leeds LS6 2RT", "301 St. Charles Ave",
				"12 Mt. Vernon Rd, Alexandria", "send cards to 12 Prof. Higgins Way" }) {
			assertThat(found(text)).as(text).containsExactly(PersonalData.STREET_ADDRESS);
		}
	}

	@Test
	void leavesNearMissesQuiet() {
		for (String text : new String[] { "A1c 7.2 and BP 128/82", "metformin 500 mg twice a day",
				"EF went from 25 to 40 %", "creatinine 1.3, potassium 4.1", "took 12 units",
				"appointment on 3/14 at 2:30", "room 412", "walked 5,000 steps", "caminé 10 000 pasos",
				"my dad died of a heart attack in 1998", "it cost $1,200", "call 988 if you need it",
				"llama al 024 o al 112", "911", "my social worker called 3 times", "me caí en la calle hace 2 semanas",
				"walked 3 miles down Main Street", "my sugars were 120 135 140 118", "born in 1961, diagnosed 2019",
				"my birthday is next week", "seguro social me dio cita el 12 de marzo", "had 2 chest ct scans",
				"mi cita es el 14/03 a las 10:30", "12.03.2024 fue mi última consulta",
				"the patient portal shows 12 units", "Furosemide now 80 once. Way less sprinting to the bathroom",
				"prazosin every night at 2100 like taps. nightmares way down", "1 tab 4x. tremor way better",
				"LDL from 162 to 104 in 6 months. statin plus way less drive thru" }) {
			assertThat(found(text)).as(text).isEmpty();
		}
	}

	@Test
	void scansALongHostileMessageInOnePass() {
		String text = "1".repeat(2_000) + "@".repeat(1_000) + "a.".repeat(500);
		assertThat(found(text)).doesNotContain(PersonalData.EMAIL_ADDRESS);
		for (String hostile : new String[] { "mrn " + "a ".repeat(3_000), "social " + "1 ".repeat(3_000),
				"calle " + "x ".repeat(3_000) + "5", " at ".repeat(2_000) + "gmail", "five ".repeat(3_000),
				"born " + "1/".repeat(3_000), "+1 ".repeat(3_000) }) {
			long start = System.nanoTime();
			found(hostile);
			assertThat(System.nanoTime() - start).as(hostile.substring(0, 8)).isLessThan(2_000_000_000L);
		}
	}

	private static java.util.Set<PersonalData> found(String text) {
		return PersonalDataDetector.find(TextNormalizer.forPersonalData(text));
	}

}
