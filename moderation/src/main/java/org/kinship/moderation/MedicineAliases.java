package org.kinship.moderation;

import java.util.Set;

import org.kinship.moderation.internal.MedicineNames;

/**
 * The names a common chronic-care medicine goes by, generic and brand (United States and
 * Spanish-speaking markets), from the table screening reads a member's medicines with, so
 * that a record that names a medicine by its brand is understood by its generic too.
 */
public final class MedicineAliases {

	private MedicineAliases() {
	}

	/**
	 * Every name of the medicines a record's entry names.
	 * @param medicine a medicine in a record's words, such as "Lasix 40 MG Oral Tablet"
	 * @return folded single-word names (furosemide, lasix, furix, seguril), empty when
	 * none of its words is a medicine the table knows
	 */
	public static Set<String> of(String medicine) {
		return MedicineNames.aliases(medicine);
	}

}
