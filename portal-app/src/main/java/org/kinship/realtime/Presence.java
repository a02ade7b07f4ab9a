package org.kinship.realtime;

import java.time.Duration;
import java.util.List;

/**
 * Who is online. Members' marks (shown as online, typing) are short-lived and expire by
 * themselves; they are shared through Redis when nodes share it, so every node lists the
 * same names, and kept in this node's memory otherwise. Nothing here is stored for long
 * or caught up, and a Redis failure only empties the lists. Who has a page open is this
 * node's own knowledge.
 */
public interface Presence {

	/**
	 * Sets or takes away a mark.
	 * @param kind what the mark says, such as {@code online} or {@code typing}
	 * @param scope where it holds, such as a group
	 * @param name the name shown
	 * @param lifetime how long the mark holds unless set again
	 * @param present set it, or take it away
	 */
	void mark(String kind, long scope, String name, Duration lifetime, boolean present);

	/**
	 * The names marked now, sorted.
	 * @param kind what the marks say
	 * @param scope where they hold
	 * @return the names; empty when Redis cannot be read
	 */
	List<String> current(String kind, long scope);

	/**
	 * The users with a page open at this node whose names begin with a prefix, such as
	 * the members of one health system.
	 * @param namePrefix the beginning of the names
	 * @return the names, less the prefix
	 */
	List<String> usersOnlineHere(String namePrefix);

}
