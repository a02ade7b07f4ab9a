package org.kinship.groups.web;

import org.kinship.shared.Refused;

/**
 * A refusal as a page shows it: a message key and its arguments.
 *
 * @param key the message key
 * @param args the arguments
 */
record Problem(String key, Object[] args) {

	static Problem of(Refused refused) {
		return new Problem(refused.messageKey(), refused.arguments());
	}

}
