package org.kinship.notifications.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notices waiting to be batched into e-mails. */
@Repository
public class ItemStore {

	static final String NEW = "NEW";

	static final String EMAILED = "EMAILED";

	static final String DROPPED = "DROPPED";

	private static final String SELECT = "SELECT id, issuer, fhir_user, group_id, kind, urgent, created_at, "
			+ "subject_id FROM notify_item ";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ItemStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Stores new notices in one batch.
	 * @param items the notices
	 */
	public void insert(List<Item> items) {
		List<Object[]> rows = new ArrayList<>(items.size());
		for (Item item : items) {
			rows.add(new Object[] { item.issuer(), item.fhirUser(), item.groupId(), item.kind().name(), item.urgent(),
					Timestamp.from(item.createdAt()), item.subjectId() });
		}
		this.template.batchUpdate("INSERT INTO notify_item (issuer, fhir_user, group_id, kind, urgent, created_at, "
				+ "subject_id, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'NEW')", rows);
	}

	/**
	 * Notices not yet in an e-mail.
	 * @param limit at most this many
	 * @return the notices, oldest first
	 */
	public List<Item> waiting(int limit) {
		return this.jdbc.sql(SELECT + "WHERE state = 'NEW' ORDER BY id LIMIT ?")
			.param(limit)
			.query(ItemStore::row)
			.list();
	}

	/**
	 * The notices of some e-mails.
	 * @param emailIds the e-mails
	 * @return their notices, with the e-mail each belongs to
	 */
	public List<InEmail> ofEmails(Collection<Long> emailIds) {
		if (emailIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT.replace("FROM", ", email_id FROM") + "WHERE email_id IN (:ids)")
			.param("ids", emailIds)
			.query((rs, row) -> new InEmail(rs.getLong(9), row(rs, row)))
			.list();
	}

	/**
	 * Puts notices in an e-mail.
	 * @param ids the notices
	 * @param emailId the e-mail
	 */
	public void emailed(Collection<Long> ids, long emailId) {
		this.jdbc.sql("UPDATE notify_item SET state = 'EMAILED', email_id = :email WHERE id IN (:ids)")
			.param("email", emailId)
			.param("ids", ids)
			.update();
	}

	/**
	 * Marks notices told in the message centre only (no e-mail).
	 * @param ids the notices
	 */
	public void toldInMessageCentre(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE notify_item SET state = 'PORTAL' WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	/**
	 * Drops notices that will never be sent.
	 * @param ids the notices
	 */
	public void dropped(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE notify_item SET state = 'DROPPED' WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	private static Item row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
				Item.Kind.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getTimestamp(7).toInstant(),
				rs.getObject(8, Long.class));
	}

	/**
	 * A notice and the e-mail it is in.
	 *
	 * @param emailId the e-mail
	 * @param item the notice
	 */
	public record InEmail(long emailId, Item item) {
	}

}
