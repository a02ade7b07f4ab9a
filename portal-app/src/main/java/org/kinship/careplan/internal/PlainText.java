package org.kinship.careplan.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.jspecify.annotations.Nullable;

/**
 * Words for people from coded record content: a concept's text, else the display of its
 * first coding that has one, without SNOMED CT's semantic tags ("Heart failure
 * (disorder)" becomes "Heart failure"). A code without words gives no name; the page then
 * says that the record does not name it, rather than show a code.
 */
final class PlainText {

	private static final Pattern SEMANTIC_TAG = Pattern
		.compile("\\s*\\((disorder|finding|situation|procedure|regime/therapy|observable entity|qualifier value|"
				+ "morphologic abnormality|body structure|substance|product|event|record artifact)\\)\\s*$");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** Longer record text is cut, so that one entry cannot flood the panel. */
	static final int MAX_LENGTH = 300;

	private PlainText() {
	}

	static @Nullable String of(@Nullable CodeableConcept concept) {
		if (concept == null || concept.isEmpty()) {
			return null;
		}
		String text = clean(concept.getText());
		if (text != null) {
			return text;
		}
		return concept.getCoding()
			.stream()
			.map((coding) -> clean(coding.getDisplay()))
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String plain = SPACES.matcher(SEMANTIC_TAG.matcher(text).replaceAll("")).replaceAll(" ").strip();
		if (plain.isEmpty()) {
			return null;
		}
		return (plain.length() <= MAX_LENGTH) ? plain : plain.substring(0, MAX_LENGTH - 1) + "…";
	}

	static Set<Coded> codings(@Nullable CodeableConcept concept) {
		Set<Coded> codes = new LinkedHashSet<>();
		if (concept != null) {
			for (Coding coding : concept.getCoding()) {
				if (coding.hasSystem() && coding.hasCode()) {
					codes.add(new Coded(coding.getSystem(), coding.getCode()));
				}
			}
		}
		return codes;
	}

	static @Nullable LocalDate date(@Nullable BaseDateTimeType value) {
		if (value == null || value.getValue() == null) {
			return null;
		}
		return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
	}

}
