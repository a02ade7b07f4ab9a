package org.kinship.chat.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kinship.chat.Treatment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivered messages tagged with a treatment, in the groups it is given and nowhere
 * else: held, rejected, hidden and deleted ones are never found.
 */
@Repository
public class TreatmentTags {

	private static final String TAGGED = " FROM message_treatment t JOIN chat_message m ON m.id = t.message_id "
			+ "WHERE m.status = 'VISIBLE' AND m.group_id IN (:groups) ";

	private final JdbcClient jdbc;

	TreatmentTags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the messages tagged with an ingredient, newest first.
	 * @param groupIds the groups to look in; none finds nothing
	 * @param rxcui the ingredient
	 * @param offset how many newer ones to skip
	 * @param limit at most this many
	 * @return the messages
	 */
	public List<Tagged> page(Collection<Long> groupIds, String rxcui, int offset, int limit) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT m.id, m.group_id, m.author_name, m.body, m.created_at" + TAGGED
					+ "AND t.rxcui = :rxcui ORDER BY m.created_at DESC, m.id DESC LIMIT " + limit + " OFFSET " + offset)
			.param("groups", groupIds)
			.param("rxcui", rxcui)
			.query((rs, row) -> new Tagged(rs.getLong(1), rs.getLong(2), rs.getString(3), Excerpts.of(rs.getString(4)),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * The members who posted the messages tagged with an ingredient, for a count.
	 * @param groupIds the groups to look in
	 * @param rxcui the ingredient
	 * @return their {@code fhirUser}s
	 */
	public Set<String> authors(Collection<Long> groupIds, String rxcui) {
		if (groupIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("SELECT DISTINCT m.author" + TAGGED + "AND t.rxcui = :rxcui")
			.param("groups", groupIds)
			.param("rxcui", rxcui)
			.query(String.class)
			.list());
	}

	/**
	 * The ingredients messages in some groups are tagged with.
	 * @param groupIds the groups
	 * @return the ingredients, each once
	 */
	public List<Treatment> tagged(Collection<Long> groupIds) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT t.rxcui, MIN(t.name), MIN(t.name_es)" + TAGGED + "GROUP BY t.rxcui")
			.param("groups", groupIds)
			.query((rs, row) -> new Treatment(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * A tagged message.
	 *
	 * @param id the message
	 * @param groupId its group
	 * @param author its author's name in the group
	 * @param excerpt the start of its text, plain
	 * @param createdAt when it was posted
	 */
	public record Tagged(long id, long groupId, String author, String excerpt, Instant createdAt) {
	}

}
