package org.kinship.shared;

/**
 * A request the member can act on was refused: the message key (in {@code messages}) says
 * why in plain words. Nothing was saved.
 */
public class Refused extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	/**
	 * A refusal.
	 * @param messageKey the key of the message that explains it
	 * @param arguments the message's arguments
	 */
	public Refused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
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

}
