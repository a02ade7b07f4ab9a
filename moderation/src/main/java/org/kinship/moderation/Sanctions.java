package org.kinship.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mutes and suspensions in a group, and bans from the community, each with a reason and
 * an expiry. Chat asks {@link #restriction} for every frame a member sends or follows.
 */
@Component
public class Sanctions {

	private static final long COMMUNITY = 0;

	private final JdbcClient jdbc;

	private final org.springframework.context.ApplicationEventPublisher events;

	Sanctions(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Imposes a sanction, and publishes {@link MemberSanctioned} inside the caller's
	 * transaction so that open connections of the member can be closed after commit.
	 * @param issuer the health system
	 * @param groupId the group, or {@code null} for a ban from the whole community
	 * @param member the member's {@code fhirUser}
	 * @param kind mute, suspend or ban
	 * @param reason why, shown to the member
	 * @param until when it ends, or {@code null} until lifted
	 * @param actor who decided
	 * @return the sanction's id
	 */
	@Transactional
	public long impose(String issuer, @Nullable Long groupId, String member, Kind kind, String reason,
			@Nullable Instant until, String actor) {
		long scope = (kind == Kind.BAN || groupId == null) ? COMMUNITY : groupId;
		this.jdbc
			.sql("INSERT INTO sanction (issuer, scope_id, member, kind, reason, ends_at, created_by, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(issuer, scope, member, kind.name(), reason, (until != null) ? Timestamp.from(until) : null, actor,
					Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
			.update();
		this.events.publishEvent(new MemberSanctioned(issuer, (scope == COMMUNITY) ? null : scope, member, kind));
		return this.jdbc.sql("SELECT MAX(id) FROM sanction WHERE issuer = ? AND member = ?")
			.params(issuer, member)
			.query(Long.class)
			.single();
	}

	/**
	 * Lifts a sanction before its expiry.
	 * @param issuer the health system
	 * @param id the sanction
	 * @return the sanction lifted, or empty when it was not in force
	 */
	@Transactional
	public Optional<Sanction> lift(String issuer, long id) {
		Optional<Sanction> found = this.jdbc.sql(SELECT + "WHERE issuer = ? AND id = ? AND lifted_at IS NULL")
			.params(issuer, id)
			.query(Sanctions::sanction)
			.optional();
		found.ifPresent((sanction) -> this.jdbc.sql("UPDATE sanction SET lifted_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now()), id)
			.update());
		return found;
	}

	/**
	 * One sanction, in force or not.
	 * @param issuer the health system
	 * @param id the sanction
	 * @return the sanction, or empty when it is not of this health system
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<Sanction> find(String issuer, long id) {
		return this.jdbc.sql(SELECT + "WHERE issuer = ? AND id = ?")
			.params(issuer, id)
			.query(Sanctions::sanction)
			.optional();
	}

	/**
	 * The strongest sanction in force on a member in a group: a community ban, then a
	 * suspension, then a mute.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param member the member's {@code fhirUser}
	 * @return the sanction, or empty when the member may take part
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<Sanction> restriction(String issuer, long groupId, String member) {
		return inForce(issuer, member).stream()
			.filter((sanction) -> sanction.groupId() == null || sanction.groupId() == groupId)
			.min(java.util.Comparator.comparing(Sanction::kind));
	}

	/**
	 * The sanctions in force on a member, anywhere in the community.
	 * @param issuer the health system
	 * @param member the member's {@code fhirUser}
	 * @return the sanctions, newest first
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Sanction> inForce(String issuer, String member) {
		return this.jdbc
			.sql(SELECT + "WHERE issuer = ? AND member = ? AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > ?) "
					+ "ORDER BY id DESC")
			.params(issuer, member, Timestamp.from(Instant.now()))
			.query(Sanctions::sanction)
			.list();
	}

	private static final String SELECT = "SELECT id, issuer, scope_id, member, kind, reason, ends_at, created_by, "
			+ "created_at FROM sanction ";

	private static Sanction sanction(ResultSet rs, int row) throws SQLException {
		long scope = rs.getLong(3);
		Timestamp until = rs.getTimestamp(7);
		return new Sanction(rs.getLong(1), rs.getString(2), (scope == COMMUNITY) ? null : scope, rs.getString(4),
				Kind.valueOf(rs.getString(5)), rs.getString(6), (until != null) ? until.toInstant() : null,
				rs.getString(8), rs.getTimestamp(9).toInstant());
	}

	/** Kinds of sanction, strongest first. */
	public enum Kind {

		/** Out of the whole community: no group can be read or written. */
		BAN,
		/** Out of one group: it can be neither read nor written. */
		SUSPEND,
		/** Can read one group, not post in it. */
		MUTE

	}

	/**
	 * A sanction.
	 *
	 * @param id its number
	 * @param issuer the health system
	 * @param groupId the group, or {@code null} for a ban from the community
	 * @param member the member's {@code fhirUser}
	 * @param kind what it stops
	 * @param reason why, shown to the member
	 * @param until when it ends, or {@code null} until lifted
	 * @param by who decided
	 * @param at when
	 */
	public record Sanction(long id, String issuer, @Nullable Long groupId, String member, Kind kind, String reason,
			@Nullable Instant until, String by, Instant at) {

		/**
		 * Whether the member may still read the group.
		 * @return true for a mute
		 */
		public boolean mayRead() {
			return this.kind == Kind.MUTE;
		}

	}

}
