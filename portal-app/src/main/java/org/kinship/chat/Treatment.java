package org.kinship.chat;

import java.io.Serializable;
import java.util.Locale;

/**
 * A medicine ingredient a message is about, as its author chose it from their own record:
 * an RxNorm ingredient code and its names. Other members see the tag: the author chose to
 * share that they take it.
 *
 * @param rxcui the RxNorm ingredient's code (digits)
 * @param name its English name
 * @param nameEs its Spanish name
 */
public record Treatment(String rxcui, String name, String nameEs) implements Serializable {

	/**
	 * Its name in a language.
	 * @param locale the language
	 * @return the Spanish name for Spanish, else the English one
	 */
	public String name(Locale locale) {
		return "es".equals(locale.getLanguage()) ? this.nameEs : this.name;
	}

}
