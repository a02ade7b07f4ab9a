package org.kinship.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on members that only facilitators and community managers see; the caller checks
 * who asks. Notes are kept, never edited.
 */
@Component
public class MemberNotes {

	/** The longest note. */
	public static final int MAX_LENGTH = 2000;

	private final JdbcClient jdbc;

	MemberNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a note.
	 * @param issuer the health system
	 * @param member the member it is about
	 * @param author who writes it
	 * @param body the note, at most {@link #MAX_LENGTH} characters
	 */
	@Transactional
	public void add(String issuer, String member, String author, String body) {
		this.jdbc.sql("INSERT INTO member_note (issuer, member, author, body, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(issuer, member, author, body, Timestamp.from(Instant.now()))
			.update();
	}

	/**
	 * The notes on a member, newest first.
	 * @param issuer the health system
	 * @param member the member
	 * @return the notes
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Note> about(String issuer, String member) {
		return this.jdbc
			.sql("SELECT author, body, created_at FROM member_note WHERE issuer = ? AND member = ? ORDER BY id DESC")
			.params(issuer, member)
			.query((rs, row) -> new Note(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * A note.
	 *
	 * @param author who wrote it ({@code fhirUser})
	 * @param body the note
	 * @param at when
	 */
	public record Note(String author, String body, Instant at) {
	}

}
