package org.kinship.moderation.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Medical record numbers and social security numbers (and the national numbers that stand
 * for them in Spanish-speaking countries: NSS, DNI, NIE, CURP, cédula), under the names
 * members give them: "MRN", "med rec #", "chart number", "patient ID", "hospital no.",
 * "account no.", "my number at the clinic", "número de expediente", "historia clínica",
 * "NHC", "folio"; "SSN", "ss#", "my social", "soc sec no", "seguro social". A label
 * counts only with a number of record length after it, so that "my chart says 7.2" and
 * "my social worker" stay quiet; "the last four of my social" counts with four digits.
 */
final class RecordNumbers {

	/**
	 * "Number", "#", "ID", and "no" only as an abbreviation: "in case no one answers" is
	 * not a label.
	 */
	private static final String NO = "(?:number|num\\b|no\\b(?=\\.|:| ?#| ?\\d)\\.?|#|id\\b)";

	private static final Pattern RECORD_LABEL = Pattern.compile("\\bm\\.?r\\.?n\\b|\\bmedical rec(?:ord)?s?\\b|"
			+ "\\bmed\\.? rec(?:ord)?\\b|\\brecord " + NO + "|\\bchart " + NO
			+ "|\\b(?:patient|pt|hospital|clinic|account|acct|member|case|encounter|registration|mychart) " + NO
			+ "|\\b(?:patient|pt) acc(?:oun)?t\\b|\\bacct\\b"
			+ "|\\bnumber (?:at|for|with|in|from) (?:the |my |our )?(?:clinic|hospital|doctor'?s?|office|center|va|er|lab"
			+ "|cardiolog\\w{0,3}|oncolog\\w{0,3}|practice)\\b"
			+ "|\\b(?:numero|num|no|n) (?:de )?(?:expediente|historia|paciente|registro|cuenta)\\b|\\bexpediente\\b"
			+ "|\\bhistoria clinica\\b|\\bhistorial\\b|\\bn\\.?h\\.?c\\b|\\bfolio\\b|\\btarjeta sanitaria\\b"
			+ "|\\bnumero (?:en|de) (?:la |el )?(?:clinica|hospital|centro de salud|consultorio)\\b"
			+ "|\\b(?:en|del|de|at) (?:la |el |the )?(?:clinica|hospital|consultorio|centro de salud|clinic),? (?:mi|su|my)"
			+ " (?:numero|number)\\b|\\bid (?:de |del )?paciente\\b");

	private static final String[] RECORD_WORDS = { "mrn", "m.r.n", "rec", "chart", "patient", "pt ", "hospital",
			"clinic", "account", "acct", "member", "case", "encounter", "registration", "number", "numero",
			"expediente", "historia", "paciente", "registro", "cuenta", "nhc", "n.h.c", "folio", "sanitaria" };

	private static final String[] SOCIAL_WORDS = { "ssn", "s.s.n", "ss#", "ss #", "ss n", "soc", "seguro social",
			"seguridad social", "nss", "n.s.s", "afilia", "dni", "d.n.i", "nie", "curp", "cedula", "cuil", "cuit",
			"rut" };

	private static final Pattern SOCIAL_LABEL = Pattern.compile("\\bssn\\b|\\bs\\.s\\.n\\b|\\bss ?#|\\bss "
			+ "(?:number|num|no\\b)|\\bsoc\\.? sec\\b|\\bsocial\\b(?! (?:worker|workers|work|media|services?|life|anxiety"
			+ "|skills|circle|group|club|event|security (?:office|administration|disability|benefits|check|income"
			+ "|payments?|offices?)))|\\bseguro social\\b|\\bseguridad social\\b|\\bn\\.?s\\.?s\\b"
			+ "|\\bafiliacion\\b|\\bafiliado\\b|\\bd\\.?n\\.?i\\b|\\bnie\\b|\\bcurp\\b|\\bcedula\\b|\\bcuil\\b|\\bcuit\\b"
			+ "|\\brut\\b");

	private static final Pattern LAST_FOUR = Pattern
		.compile("\\b(?:last (?:4|four)|ultimos (?:4|cuatro))(?: (?:digits|digitos|numbers|numeros))?\\b"
				+ "|\\b(?:termina en|terminado en|ending in|ends in|ends with)\\b");

	private static final Pattern FOUR_DIGITS = Pattern
		.compile("(?<![\\d.,/:$])\\d(?: ?\\d){3}(?![\\d]|[.,/:]\\d| \\d)");

	private static final Pattern SSN = Pattern
		.compile("(?<![\\d.,/-]|\\d )\\d{3}(?:-\\d{2}-| \\d{2} )\\d{4}(?![\\d]|[.,/-]\\d| \\d)"
				+ "|(?<![a-z0-9])[a-z]{4}\\d{6}[hm][a-z]{5}[a-z0-9]\\d(?![a-z0-9])");

	private RecordNumbers() {
	}

	/**
	 * Whether a message holds a medical record number, claiming its span.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @param claimed spans already taken
	 * @return whether it does
	 */
	static boolean medical(String folded, List<int[]> claimed) {
		return PersonalDataDetector.containsAny(folded, RECORD_WORDS)
				&& LabelledNumbers.find(folded, RECORD_LABEL, RecordNumbers::recordLength, claimed);
	}

	/**
	 * Whether a message holds a social security number, claiming its span: written as one
	 * (123-45-6789, 123 45 6789, or a Mexican CURP), or after its label.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @param digits how many digits the message has
	 * @param claimed spans already taken
	 * @return whether it does
	 */
	static boolean social(String folded, int digits, List<int[]> claimed) {
		boolean found = false;
		Matcher written = SSN.matcher(folded);
		while (digits >= 7 && written.find()) {
			if (!PersonalDataDetector.overlaps(written.start(), written.end(), claimed)) {
				claimed.add(new int[] { written.start(), written.end() });
				found = true;
			}
		}
		if (!PersonalDataDetector.containsAny(folded, SOCIAL_WORDS)) {
			return found;
		}
		return LabelledNumbers.find(folded, SOCIAL_LABEL, RecordNumbers::nationalLength, claimed) | found
				| lastFour(folded, claimed);
	}

	/** "The last four of my social are 4821", "my social's last 4 is 0042". */
	private static boolean lastFour(String folded, List<int[]> claimed) {
		Matcher last = LAST_FOUR.matcher(folded);
		while (last.find()) {
			int from = Math.max(0, last.start() - 40);
			int to = Math.min(folded.length(), last.end() + 50);
			if (!SOCIAL_LABEL.matcher(folded).region(from, to).find()) {
				continue;
			}
			Matcher four = FOUR_DIGITS.matcher(folded).region(last.end(), to);
			if (four.find() && !PersonalDataDetector.overlaps(four.start(), four.end(), claimed)) {
				claimed.add(new int[] { last.start(), four.end() });
				return true;
			}
		}
		return false;
	}

	private static boolean recordLength(String number) {
		int digits = LabelledNumbers.digits(number);
		return digits >= 5 && digits <= 16 || digits >= 4 && Character.isLetter(number.charAt(0));
	}

	private static boolean nationalLength(String number) {
		int digits = LabelledNumbers.digits(number);
		return digits >= 7 && digits <= 14 || digits >= 6 && Character.isLetter(number.charAt(0));
	}

}
