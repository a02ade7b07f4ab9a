package org.kinship.shared.web;

import org.kinship.shared.Refused;

/**
 * A refusal as a page shows it: a message key and its arguments
 * ({@code #messages.msgWithParams(problem.key, problem.args)}).
 *
 * @param key the message key
 * @param args the arguments
 */
public record Problem(String key, Object[] args) {

	/**
	 * The problem a refusal shows.
	 * @param refused the refusal
	 * @return its key and arguments
	 */
	public static Problem of(Refused refused) {
		return new Problem(refused.messageKey(), refused.arguments());
	}

}
