package org.kinship.groups;

import org.kinship.shared.Refused;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A group's condition definition: SNOMED CT concept ids, and ICD-10-CM codes or prefixes
 * ({@code E11.*} matches {@code E11}, {@code E11.9} and {@code E11.65}).
 *
 * @param snomed SNOMED CT concept ids
 * @param icd10 ICD-10-CM codes, a trailing {@code *} marking a prefix
 */
public record CodeSet(SortedSet<String> snomed, SortedSet<String> icd10) {

	/** The FHIR system of SNOMED CT. */
	public static final String SNOMED = "http://snomed.info/sct";

	/** The FHIR system of ICD-10-CM. */
	public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";

	private static final Pattern ICD10_CODE = Pattern.compile("[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?");

	private static final Pattern ICD10_PREFIX = Pattern.compile("[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{0,3})?\\*");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

	public CodeSet {
		snomed = new TreeSet<>(snomed);
		icd10 = new TreeSet<>(icd10);
	}

	/**
	 * Reads codes as a manager types them: separated by spaces, commas or new lines.
	 * @param snomedText SNOMED CT concept ids
	 * @param icd10Text ICD-10-CM codes or prefixes
	 * @return the code set
	 * @throws Refused naming every code that is not valid, when any is not
	 */
	public static CodeSet parse(String snomedText, String icd10Text) {
		List<String> invalid = new ArrayList<>();
		SortedSet<String> snomed = new TreeSet<>();
		for (String code : tokens(snomedText)) {
			(SnomedConceptId.isValid(code) ? snomed : invalid).add(code);
		}
		SortedSet<String> icd10 = new TreeSet<>();
		for (String code : tokens(icd10Text)) {
			String upper = code.toUpperCase(Locale.ROOT);
			(isIcd10(upper) ? icd10 : invalid).add(isIcd10(upper) ? upper : code);
		}
		if (!invalid.isEmpty()) {
			throw new Refused("groups.error.codes", String.join(", ", invalid));
		}
		return new CodeSet(snomed, icd10);
	}

	/**
	 * Whether a coding from a record falls under this set.
	 * @param system the coding's system
	 * @param code the coding's code
	 * @return true if it matches a SNOMED CT id or an ICD-10-CM code or prefix
	 */
	public boolean matches(String system, String code) {
		if (SNOMED.equals(system)) {
			return this.snomed.contains(code.trim());
		}
		if (ICD10.equals(system)) {
			String wanted = undotted(code);
			return this.icd10.stream()
				.anyMatch((entry) -> entry.endsWith("*")
						? wanted.startsWith(undotted(entry.substring(0, entry.length() - 1)))
						: wanted.equals(undotted(entry)));
		}
		return false;
	}

	/**
	 * Whether the set names no code at all.
	 * @return true when empty
	 */
	public boolean isEmpty() {
		return this.snomed.isEmpty() && this.icd10.isEmpty();
	}

	/**
	 * The codes a record can be searched for by exact code: every SNOMED CT id and every
	 * ICD-10-CM code that is not a prefix, the latter both dotted and undotted as records
	 * may hold either.
	 * @return pairs of FHIR system and code
	 */
	public List<String[]> exactCodes() {
		List<String[]> exact = new ArrayList<>();
		this.snomed.forEach((code) -> exact.add(new String[] { SNOMED, code }));
		for (String code : this.icd10) {
			if (!code.endsWith("*")) {
				exact.add(new String[] { ICD10, code });
				if (!undotted(code).equals(code)) {
					exact.add(new String[] { ICD10, undotted(code) });
				}
			}
		}
		return exact;
	}

	/**
	 * Whether the set holds an ICD-10-CM prefix, which no search by token can express.
	 * @return true when an entry ends with {@code *}
	 */
	public boolean hasPrefixes() {
		return this.icd10.stream().anyMatch((code) -> code.endsWith("*"));
	}

	private static boolean isIcd10(String code) {
		return ICD10_CODE.matcher(code).matches() || ICD10_PREFIX.matcher(code).matches();
	}

	private static String undotted(String code) {
		return code.trim().replace(".", "").toUpperCase(Locale.ROOT);
	}

	private static Set<String> tokens(String text) {
		Set<String> tokens = new java.util.LinkedHashSet<>();
		for (String token : SEPARATORS.split(text.trim())) {
			if (!token.isEmpty()) {
				tokens.add(token);
			}
		}
		return tokens;
	}

}
