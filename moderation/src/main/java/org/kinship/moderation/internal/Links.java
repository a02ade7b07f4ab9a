package org.kinship.moderation.internal;

import java.util.regex.Pattern;

/**
 * Whether a message holds a link: {@code http://} or {@code https://}, {@code www.}, or a
 * bare domain with a common ending ({@code example.com}, {@code cure.health}). An e-mail
 * address is personal data, not a link. Every repetition in the pattern is bounded, so a
 * message is scanned in linear time.
 */
final class Links {

	private static final Pattern LINK = Pattern.compile("(?:\\bhttps?://|\\bwww\\.[a-z0-9-]"
			+ "|(?<![@\\w.-])[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,3}"
			+ "\\.(?:com|org|net|info|biz|io|co|us|uk|ca|mx|es|gov|edu|me|ly|app|health|online|site|xyz|club|shop|link)"
			+ "(?![\\w-]|\\.[a-z]))");

	private Links() {
	}

	/**
	 * Whether a message holds a link.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @return whether it does
	 */
	static boolean in(String folded) {
		return LINK.matcher(folded).find();
	}

}
