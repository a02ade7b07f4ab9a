package org.kinship.shared;

/**
 * A request the member can act on was refused: the message key (in {@code messages}) says
 * why in plain words. Nothing was saved. Most refusals are the member's to fix; a refusal
 * {@link #forbidden forbidden} says the request was never theirs to make (no seat in the
 * group, not its staff), one {@link #notFound not found} that there is nothing there for
 * them. Pages answer the last two with 403 and 404 wherever they are thrown.
 */
public class Refused extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	private final Kind kind;

	/**
	 * A refusal the member can act on.
	 * @param messageKey the key of the message that explains it
	 * @param arguments the message's arguments
	 */
	public Refused(String messageKey, Object... arguments) {
		this(Kind.REFUSED, messageKey, arguments);
	}

	private Refused(Kind kind, String messageKey, Object... arguments) {
		super(messageKey);
		this.kind = kind;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	/**
	 * A request that was never the person's to make.
	 * @param messageKey the key of the message that explains it
	 * @param arguments the message's arguments
	 * @return the refusal
	 */
	public static Refused forbidden(String messageKey, Object... arguments) {
		return new Refused(Kind.FORBIDDEN, messageKey, arguments);
	}

	/**
	 * A request for something that is not there for the person.
	 * @param messageKey the key of the message that explains it
	 * @param arguments the message's arguments
	 * @return the refusal
	 */
	public static Refused notFound(String messageKey, Object... arguments) {
		return new Refused(Kind.NOT_FOUND, messageKey, arguments);
	}

	/**
	 * The key of the message that says why.
	 * @return the key
	 */
	public String messageKey() {
		return this.messageKey;
	}

	/**
	 * The message's arguments.
	 * @return the arguments
	 */
	public Object[] arguments() {
		return this.arguments.clone();
	}

	/**
	 * What kind of refusal this is.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * What kind of refusal: the member's to fix, never theirs to make, or nothing there.
	 */
	public enum Kind {

		/** The member can act on it: a value out of range, a rule of the group. */
		REFUSED,

		/** Not the person's to do: no seat in the group, not its staff. */
		FORBIDDEN,

		/** Nothing there for the person. */
		NOT_FOUND

	}

}
