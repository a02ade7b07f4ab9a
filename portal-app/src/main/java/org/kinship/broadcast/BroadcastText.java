package org.kinship.broadcast;

import java.util.Locale;

/**
 * A broadcast's words in a language other than its own.
 *
 * @param title the title, empty when there is no translation
 * @param body the body as typed (Markdown)
 * @param bodyHtml the body as sanitized HTML
 */
public record BroadcastText(String title, String body, String bodyHtml) {

	/** The language a broadcast can be written in besides its own. */
	public static final String SPANISH = "es";

	/** No translation. */
	public static final BroadcastText NONE = new BroadcastText("", "", "");

	/**
	 * Whether there is a translation.
	 * @return true when it has a title
	 */
	public boolean present() {
		return !this.title.isBlank();
	}

	/**
	 * Whether a reader of a language gets this translation.
	 * @param locale the reader's language
	 * @return true for a Spanish reader when there is a translation
	 */
	public boolean readBy(Locale locale) {
		return present() && SPANISH.equals(locale.getLanguage());
	}

}
