package org.kinship.chat;

import java.util.List;

import org.kinship.launch.KinshipPrincipal;

/**
 * The sender's medicines as their health record names them. For screening: a brand or
 * generic name of one of them in a message is then read as the member's own medicine
 * ("ran out of my Lasix" for a record that lists furosemide). For tagging a message with
 * a treatment: the ingredients a member may choose from are exactly these. {@link Chat}
 * asks every bean of this type, on the thread that handles the message (a request or a
 * STOMP frame), and uses the first answer that is not empty.
 *
 * <p>
 * An implementation answers from what the session has already read and nothing else:
 * never a read of the EHR or the database on the way in, since a message must not wait
 * for them. The names go only to screening; they are not stored or logged. Only the
 * ingredient a member chooses to tag a message with is stored, with the message.
 */
public interface SenderMedicines {

	/**
	 * The medicines the session already holds for the sender.
	 * @param principal the sender
	 * @return the medicines' names in the record's words, empty when none were read
	 */
	List<String> of(KinshipPrincipal principal);

	/**
	 * The RxNorm ingredients of the sender's own active medicines the session already
	 * holds: nothing for a clinician, and nothing for a medicine whose ingredient Kinship
	 * cannot name.
	 * @param principal the sender
	 * @return the ingredients, each once, empty when none were read
	 */
	default List<Treatment> ingredients(KinshipPrincipal principal) {
		return List.of();
	}

}
