package org.kinship.moderation.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, typed or disguised: maria.lopez@gmail.com, "maria dot lopez at gmail
 * dot com", "jdoe [at] yahoo", "tonyfixit (at) aol (dot) com", "maria punto lopez arroba
 * gmail punto com", "j o s e . l u n a @ g m a i l . c o m". A plain "at" counts only
 * between a name that is not an everyday word and a mail provider or a domain with its
 * ending, so that "I work at Yahoo" and "see you at church dot" stay quiet; "arroba" and
 * a bracketed "at" count whatever follows.
 */
final class EmailAddresses {

	private static final Pattern TYPED = Pattern
		.compile("(?<![\\w.%+-])[\\w.%+-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,3}\\.[a-z]{2,24}\\b");

	/** A provider's name after @ stands for its domain: maria@gmail. */
	private static final Pattern AT_PROVIDER = Pattern.compile("(?<![\\w.%+-])[\\w.%+-]{1,64}@(?:gmail|yahoo|hotmail"
			+ "|outlook|icloud|aol|live|msn|proton|protonmail|comcast|gmx|prodigy)\\b");

	/** "My gmail is jdoe1955", "mi hotmail es rosy_garcia". */
	private static final Pattern PROVIDER_HANDLE = Pattern.compile("\\b(?:my|mi) (?:gmail|yahoo|hotmail|outlook|icloud"
			+ "|aol)(?: address| account| cuenta)? (?:is|es|:) ?[a-z0-9._-]{3,64}+");

	private static final Pattern SPACED = Pattern.compile("(?:\\b\\w ){2,}+[\\w.]? ?@ ?(?:\\w ){2,}");

	/**
	 * Where an "at" is spoken: "(at)", "[arroba]", " arroba " for certain; " at " and a
	 * spaced "@" only before a mail provider or a domain with its ending.
	 */
	private static final Pattern AT = Pattern
		.compile(" ?[\\[({<] ?(?:at|arroba) ?[\\])}>] ?| arroba | (?<plain>at|@) | (?<en>en) ");

	private static final String DOT = "(?: ?[\\[({<] ?(?:dot|punto) ?[\\])}>] ?| dot | punto | ?\\. ?)";

	private static final Pattern DOMAIN = Pattern
		.compile("^(?<provider>[a-z0-9-]{1,63}+)(?<rest>(?:" + DOT + "[a-z0-9-]{1,63}+){0,4}+)");

	private static final Pattern ENDING = Pattern.compile("(?:" + DOT + ")(?:com|org|net|edu|gov|es|mx|ar|co|cl|pe"
			+ "|us|uk|ca|me|io|info|biz|ve|ec|uy|py|bo|cr|pr|do|gt|hn|sv|ni|pa|cu)$");

	private static final Set<String> PROVIDERS = Set.of("gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook",
			"live", "msn", "icloud", "me", "mac", "aol", "proton", "protonmail", "pm", "comcast", "att", "sbcglobal",
			"verizon", "bellsouth", "charter", "cox", "earthlink", "gmx", "mail", "zoho", "prodigy", "terra",
			"telefonica", "movistar", "fibertel", "speedy", "arnet", "infinitum", "yandex");

	/**
	 * Providers whose names are everyday words: after a plain "at" they count only with a
	 * domain ending ("maria at me dot com"), so that "smiling at me. the nights" stays
	 * quiet.
	 */
	private static final Set<String> EVERYDAY_PROVIDERS = Set.of("me", "mac", "live", "mail", "att", "charter", "cox",
			"pm", "terra", "speedy");

	/** Words that sit before "at" in ordinary talk. */
	private static final Set<String> NOT_A_NAME = Set.of("i", "im", "me", "we", "he", "she", "they", "it", "him", "her",
			"us", "them", "you", "work", "works", "worked", "working", "job", "jobs", "was", "is", "am", "are", "were",
			"be", "been", "home", "stay", "stayed", "live", "lives", "lived", "meet", "met", "see", "saw", "email",
			"emails", "mail", "e-mail", "account", "address", "inbox", "correo", "cuenta", "sign", "signed", "log",
			"logged", "login", "one", "someone", "friend", "friends", "people", "guy", "girl", "son", "daughter",
			"wife", "husband", "engineer", "nurse", "manager", "intern", "everyone", "anyone", "esta", "estoy",
			"estaba", "trabaja", "trabajo", "vivo", "vive", "soy", "es", "yo", "tengo", "tiene");

	private EmailAddresses() {
	}

	/**
	 * Whether a message holds an e-mail address.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @return whether it does
	 */
	static boolean in(String folded) {
		if (folded.indexOf('@') >= 0 && (TYPED.matcher(folded).find() || AT_PROVIDER.matcher(folded).find()
				|| SPACED.matcher(folded).find())) {
			return true;
		}
		if (PersonalDataDetector.containsAny(folded, "gmail", "yahoo", "hotmail", "outlook", "icloud", "aol")
				&& PROVIDER_HANDLE.matcher(folded).find()) {
			return true;
		}
		return PersonalDataDetector.containsAny(folded, "at", " en ", "arroba", "@") && spoken(folded);
	}

	private static boolean spoken(String folded) {
		Matcher at = AT.matcher(folded);
		Matcher domain = DOMAIN.matcher(folded);
		while (at.find()) {
			String name = nameBefore(folded, at.start());
			boolean weak = at.group("plain") != null || at.group("en") != null;
			if (name.isEmpty() || weak && NOT_A_NAME.contains(name)) {
				continue;
			}
			domain.region(at.end(), Math.min(folded.length(), at.end() + 200));
			if (!domain.lookingAt()) {
				continue;
			}
			boolean ending = ENDING.matcher(domain.group("rest")).find();
			String host = domain.group("provider");
			boolean provider = PROVIDERS.contains(host) && !(weak && EVERYDAY_PROVIDERS.contains(host));
			// Spanish "en" is an "at" only in a whole address: "luis punto garcia en
			// gmail punto com"
			if (!weak || ((at.group("en") != null) ? provider && ending : provider || ending)) {
				return true;
			}
		}
		return false;
	}

	/** The word just before an "at": letters, digits, dots, underscores and dashes. */
	private static String nameBefore(String folded, int end) {
		int start = end;
		while (start > 0 && end - start < 64 && isNameChar(folded.charAt(start - 1))) {
			start--;
		}
		return folded.substring(start, end);
	}

	private static boolean isNameChar(char c) {
		return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
	}

}
