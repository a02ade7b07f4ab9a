package org.kinship.moderation;

import java.util.List;

/**
 * A list of watched words that cannot be compiled, with a message key and its arguments
 * for the page that shows the error (bundle {@code moderation-messages}).
 */
public class InvalidTerms extends IllegalArgumentException {

	/** Key of an empty term; argument: its position, from 1. */
	public static final String EMPTY = "moderation.terms.empty";

	/** Key of a term that is too long; arguments: its start, the limit. */
	public static final String TOO_LONG = "moderation.terms.too-long";

	/** Key of a list that is too long; arguments: the count, the limit. */
	public static final String TOO_MANY = "moderation.terms.too-many";

	/** Key of a term with no letters or digits; argument: the term. */
	public static final String NOTHING_LEFT = "moderation.terms.nothing-left";

	private final String key;

	private final List<String> args;

	/**
	 * Creates the error.
	 * @param key the message key
	 * @param args its arguments
	 */
	public InvalidTerms(String key, List<String> args) {
		super(key + " " + args);
		this.key = key;
		this.args = List.copyOf(args);
	}

	/**
	 * The message key.
	 * @return one of the keys of this class
	 */
	public String key() {
		return this.key;
	}

	/**
	 * The arguments of the message.
	 * @return the arguments, in order
	 */
	public List<String> args() {
		return this.args;
	}

}
