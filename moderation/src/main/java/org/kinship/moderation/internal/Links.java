package org.kinship.moderation.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message holds a link: {@code http://} or {@code https://}, {@code www.}, or a
 * bare domain with a common ending ({@code example.com}, {@code cure.health}). An e-mail
 * address is personal data, not a link. Every repetition is bounded, so a message is
 * scanned in linear time.
 */
final class Links {

	private static final Pattern SCHEME = Pattern.compile("\\b(?:https?://|www\\.[a-z0-9-])");

	private static final Pattern ENDING = Pattern
		.compile("(?<=[a-z0-9-])\\.(?:com|org|net|info|biz|io|co|us|uk|ca|mx|es|gov|edu|me|ly|app|health|online"
				+ "|site|xyz|club|shop|link)(?![\\w-]|\\.[a-z])");

	private Links() {
	}

	/**
	 * Whether a message holds a link.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @return whether it does
	 */
	static boolean in(String folded) {
		if (folded.indexOf('.') < 0) {
			return false;
		}
		if (SCHEME.matcher(folded).find()) {
			return true;
		}
		Matcher ending = ENDING.matcher(folded);
		while (ending.find()) {
			if (!inEmailAddress(folded, ending.start())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the domain that ends before a dot follows an {@code @}; looks back no
	 * further than the longest domain name, so that the scan stays linear.
	 */
	private static boolean inEmailAddress(String folded, int dot) {
		int i = dot - 1;
		int stop = Math.max(-1, dot - 254);
		while (i > stop && (Character.isLetterOrDigit(folded.charAt(i)) || folded.charAt(i) == '-'
				|| folded.charAt(i) == '.')) {
			i--;
		}
		return i >= 0 && folded.charAt(i) == '@';
	}

}
