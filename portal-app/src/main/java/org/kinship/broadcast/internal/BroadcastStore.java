package org.kinship.broadcast.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.broadcast.AudienceSpec;
import org.kinship.broadcast.Broadcast;
import org.kinship.broadcast.BroadcastStatus;
import org.kinship.broadcast.BroadcastText;
import org.kinship.broadcast.Priority;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Broadcasts of every health system; every read names the health system, so that no one
 * reaches another's broadcasts.
 */
@Repository
public class BroadcastStore {

	private static final String SELECT = "SELECT id, issuer, title, body, body_html, priority, audience_kind, group_ids, "
			+ "snomed_codes, icd10_codes, rxnorm_codes, status, scheduled_at, expires_at, created_by, approved_by, "
			+ "sent_at, recipient_count, last_error, last_error_arg, issuer_key, title_es, body_es, body_html_es FROM broadcast ";

	private final JdbcClient jdbc;

	BroadcastStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new draft, or finds the one stored earlier from the same form.
	 * @param draft the fields
	 * @return the broadcast's id
	 */
	public long insert(Draft draft) {
		var earlier = findBySubmission(draft.issuer(), draft.createdBy(), draft.submissionId());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			this.jdbc
				.sql("INSERT INTO broadcast (issuer, issuer_key, submission_id, title, body, body_html, priority, "
						+ "audience_kind, group_ids, snomed_codes, icd10_codes, rxnorm_codes, status, scheduled_at, "
						+ "expires_at, created_by, created_at, recipient_count, title_es, body_es, body_html_es) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, 0, ?, ?, ?)")
				.params(draft.issuer(), draft.issuerKey(), draft.submissionId(), draft.title(), draft.body(),
						draft.bodyHtml(), draft.priority().name(), draft.audience().kind().name(),
						groupIds(draft.audience()), draft.audience().snomedCodes(), draft.audience().icd10Codes(),
						draft.audience().rxnormCodes(), timestamp(draft.scheduledAt()), timestamp(draft.expiresAt()),
						draft.createdBy(), Timestamp.from(Instant.now()), draft.spanish().title(),
						draft.spanish().body(), draft.spanish().bodyHtml())
				.update(key, "id");
			return key.getKeyAs(Number.class).longValue();
		}
		catch (DuplicateKeyException ex) {
			// the same form sent twice at once: the other request stored it
			return findBySubmission(draft.issuer(), draft.createdBy(), draft.submissionId()).orElseThrow();
		}
	}

	private Optional<Long> findBySubmission(String issuer, String createdBy, String submissionId) {
		return this.jdbc.sql("SELECT id FROM broadcast WHERE issuer = ? AND created_by = ? AND submission_id = ?")
			.params(issuer, createdBy, submissionId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Changes a broadcast that is not sent yet; it becomes a draft again.
	 * @param id the broadcast
	 * @param draft the new fields
	 * @return whether it was changed (false once sent)
	 */
	public boolean update(long id, Draft draft) {
		return this.jdbc
			.sql("UPDATE broadcast SET title = ?, body = ?, body_html = ?, priority = ?, audience_kind = ?, "
					+ "group_ids = ?, snomed_codes = ?, icd10_codes = ?, rxnorm_codes = ?, scheduled_at = ?, "
					+ "expires_at = ?, title_es = ?, body_es = ?, body_html_es = ?, status = 'DRAFT', approved_by = NULL "
					+ "WHERE id = ? AND issuer = ? AND status <> 'SENT'")
			.params(draft.title(), draft.body(), draft.bodyHtml(), draft.priority().name(),
					draft.audience().kind().name(), groupIds(draft.audience()), draft.audience().snomedCodes(),
					draft.audience().icd10Codes(), draft.audience().rxnormCodes(), timestamp(draft.scheduledAt()),
					timestamp(draft.expiresAt()), draft.spanish().title(), draft.spanish().body(),
					draft.spanish().bodyHtml(), id, draft.issuer())
			.update() == 1;
	}

	public Optional<Broadcast> find(String issuer, long id) {
		return this.jdbc.sql(SELECT + "WHERE id = ? AND issuer = ?").params(id, issuer).query(this::row).optional();
	}

	public List<Broadcast> all(String issuer) {
		return this.jdbc.sql(SELECT + "WHERE issuer = ? ORDER BY id DESC").param(issuer).query(this::row).list();
	}

	/**
	 * Scheduled broadcasts whose time has come, of every health system.
	 * @param now the time
	 * @return their ids and issuers
	 */
	public List<Broadcast> due(Instant now) {
		return this.jdbc.sql(SELECT + "WHERE status = 'SCHEDULED' AND scheduled_at <= ? ORDER BY scheduled_at")
			.param(Timestamp.from(now))
			.query(this::row)
			.list();
	}

	/**
	 * Moves a broadcast that is not sent to another stage, clearing its error.
	 * @param id the broadcast
	 * @param status the new stage, not {@code SENT}
	 * @param recipients the audience's size as last resolved
	 * @return whether it moved
	 */
	public boolean stage(long id, BroadcastStatus status, int recipients) {
		return this.jdbc
			.sql("UPDATE broadcast SET status = ?, recipient_count = ?, last_error = NULL, last_error_arg = NULL "
					+ "WHERE id = ? AND status <> 'SENT'")
			.params(status.name(), recipients, id)
			.update() == 1;
	}

	/**
	 * Claims a broadcast for sending: only one of two requests at once wins.
	 * @param id the broadcast
	 * @param approvedBy the second manager, or {@code null}
	 * @param recipients how many it is stored for
	 * @param sentAt when
	 * @return whether this caller won
	 */
	public boolean claim(long id, @Nullable String approvedBy, int recipients, Instant sentAt) {
		return this.jdbc
			.sql("UPDATE broadcast SET status = 'SENT', sent_at = ?, recipient_count = ?, "
					+ "approved_by = COALESCE(?, approved_by), last_error = NULL, last_error_arg = NULL "
					+ "WHERE id = ? AND status <> 'SENT'")
			.params(Timestamp.from(sentAt), recipients, approvedBy, id)
			.update() == 1;
	}

	/**
	 * Records why a broadcast could not be sent; it stays a draft.
	 * @param id the broadcast
	 * @param errorKey the message key
	 * @param argument its argument, or {@code null}
	 */
	public void failed(long id, String errorKey, @Nullable String argument) {
		this.jdbc
			.sql("UPDATE broadcast SET status = 'DRAFT', last_error = ?, last_error_arg = ? "
					+ "WHERE id = ? AND status <> 'SENT'")
			.params(errorKey, argument, id)
			.update();
	}

	private Broadcast row(ResultSet rs, int row) throws SQLException {
		AudienceSpec audience = new AudienceSpec(AudienceSpec.Kind.valueOf(rs.getString("audience_kind")),
				groupIds(rs.getString("group_ids")), rs.getString("snomed_codes"), rs.getString("icd10_codes"),
				rs.getString("rxnorm_codes"));
		return new Broadcast(rs.getLong("id"), rs.getString("issuer"), rs.getString("issuer_key"),
				rs.getString("title"), rs.getString("body"), rs.getString("body_html"),
				Priority.valueOf(rs.getString("priority")), audience, BroadcastStatus.valueOf(rs.getString("status")),
				instant(rs.getTimestamp("scheduled_at")), instant(rs.getTimestamp("expires_at")),
				rs.getString("created_by"), rs.getString("approved_by"), instant(rs.getTimestamp("sent_at")),
				rs.getInt("recipient_count"), rs.getString("last_error"), rs.getString("last_error_arg"), spanish(rs));
	}

	static BroadcastText spanish(ResultSet rs) throws SQLException {
		String title = rs.getString("title_es");
		if (title == null || title.isBlank()) {
			return BroadcastText.NONE;
		}
		return new BroadcastText(title, text(rs.getString("body_es")), text(rs.getString("body_html_es")));
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static String groupIds(AudienceSpec audience) {
		return String.join(",", audience.groupIds().stream().map(String::valueOf).toList());
	}

	private static List<Long> groupIds(String text) {
		return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
	}

	static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The fields of a draft.
	 *
	 * @param issuer the health system's FHIR base URL
	 * @param issuerKey its registration key
	 * @param submissionId the form's own id
	 * @param createdBy the community manager
	 * @param title the title
	 * @param body the body as typed
	 * @param bodyHtml the body as sanitized HTML
	 * @param priority the priority
	 * @param audience who it is for
	 * @param scheduledAt when to send, or {@code null}
	 * @param expiresAt when it stops being shown, or {@code null}
	 * @param spanish the words in Spanish, or {@link BroadcastText#NONE}
	 */
	public record Draft(String issuer, String issuerKey, String submissionId, String createdBy, String title,
			String body, String bodyHtml, Priority priority, AudienceSpec audience, @Nullable Instant scheduledAt,
			@Nullable Instant expiresAt, BroadcastText spanish) {
	}

}
