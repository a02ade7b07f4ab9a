package org.kinship.groups.internal;

import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * What group guidelines may contain: paragraphs, lists, headings, simple formatting and
 * links. Everything else, scripts and styles above all, is removed before saving.
 */
public final class GuidelinesPolicy {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS);

	private GuidelinesPolicy() {
	}

	/**
	 * Keeps only the allowed markup.
	 * @param html guidelines as entered
	 * @return safe HTML
	 */
	public static String sanitize(String html) {
		return POLICY.sanitize(html).trim();
	}

}
