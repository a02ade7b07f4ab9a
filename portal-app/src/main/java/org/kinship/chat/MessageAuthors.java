package org.kinship.chat;

import java.util.Collection;
import java.util.Map;

import org.kinship.chat.internal.MessageStore;

import org.springframework.stereotype.Component;

/**
 * Who wrote which messages, for work that tells authors about answers to them (a reply
 * notifies the author of the message it answers). Never shown to other members: they see
 * the author's chosen name only.
 */
@Component
public class MessageAuthors {

	private final MessageStore store;

	MessageAuthors(MessageStore store) {
		this.store = store;
	}

	/**
	 * The authors of several messages, in one read.
	 * @param messageIds the messages
	 * @return each message's author ({@code fhirUser}) by its id; messages no longer
	 * stored are missing
	 */
	public Map<Long, String> of(Collection<Long> messageIds) {
		return this.store.authors(messageIds);
	}

}
