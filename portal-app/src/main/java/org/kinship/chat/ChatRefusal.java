package org.kinship.chat;

/**
 * A message or request refused for a reason the member can act on; nothing was stored.
 * The message key (in {@code messages}) says why.
 */
public class ChatRefusal extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	/**
	 * A refusal.
	 * @param messageKey the key of the message that says why
	 * @param arguments the message's arguments
	 */
	public ChatRefusal(String messageKey, Object... arguments) {
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
