package org.kinship.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;

/**
 * A rule a group's staff set on who may post and when: slow mode, a facilitator-only live
 * session. {@link Chat#send} asks every rule (every bean of this type) once the message
 * is screened, just before it is stored; the first refusal stops the message and nothing
 * is stored. Rules are called inside the sending transaction, so whatever a rule records
 * alongside a message (such as attendance) rolls back with it; that transaction may be
 * shared with other messages and run again for this one alone (see
 * {@code chat.internal.SendWriter}), so a rule records only in the database. The group's
 * page asks the same rules what the composer should say.
 */
public interface PostingRule {

	/**
	 * Why this person may not post now.
	 * @param poster who wants to post, where and when
	 * @return the refusal, with the reason in plain words, or empty to let the message on
	 */
	Optional<Refused> check(Poster poster);

	/**
	 * What the composer should tell this person about the rule now.
	 * @param poster who looks at the composer, where and when
	 * @return the notice, or empty when the rule has nothing to say
	 */
	default Optional<Notice> notice(Poster poster) {
		return Optional.empty();
	}

	/**
	 * Someone who posts or is about to.
	 *
	 * @param principal the person
	 * @param seat their seat in the group
	 * @param now the time the rule judges by
	 */
	record Poster(KinshipPrincipal principal, Seat seat, Instant now) {
	}

	/**
	 * What the composer says about a rule.
	 *
	 * @param closed whether the person cannot post at all while the rule holds
	 * @param messageKey the key of the text, in {@code messages}
	 * @param arguments its arguments
	 */
	record Notice(boolean closed, String messageKey, List<Object> arguments) {
	}

}
