package org.kinship.chat;

import java.util.List;

import org.kinship.launch.KinshipPrincipal;

/**
 * The sender's medicines as their health record names them, for screening: a brand or
 * generic name of one of them in a message is then read as the member's own medicine
 * ("ran out of my Lasix" for a record that lists furosemide). {@link Chat#send} and
 * {@link Chat#edit} ask every bean of this type, on the thread that handles the message
 * (a request or a STOMP frame), and use the first answer that is not empty.
 *
 * <p>
 * An implementation answers from what the session has already read and nothing else:
 * never a read of the EHR or the database on the way in, since a message must not wait
 * for them. The names go only to screening; they are not stored or logged.
 */
public interface SenderMedicines {

	/**
	 * The medicines the session already holds for the sender.
	 * @param principal the sender
	 * @return the medicines' names in the record's words, empty when none were read
	 */
	List<String> of(KinshipPrincipal principal);

}
