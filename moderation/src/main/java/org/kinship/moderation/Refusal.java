package org.kinship.moderation;

import java.util.List;

/**
 * Why moderation stops a member or a message, as a message key and its arguments for the
 * page or the socket to say in the member's language.
 *
 * @param key the message key
 * @param args its arguments
 */
public record Refusal(String key, List<Object> args) {

	/**
	 * Copies the arguments.
	 * @param key the message key
	 * @param args its arguments
	 */
	public Refusal {
		args = List.copyOf(args);
	}

}
