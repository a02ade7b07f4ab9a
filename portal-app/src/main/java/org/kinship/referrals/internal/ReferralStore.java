package org.kinship.referrals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.referrals.EhrRecord;
import org.kinship.referrals.Referral;
import org.kinship.referrals.ReferralState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stored referrals, with the name of the group or program each is for.
 */
@Repository
public class ReferralStore {

	private static final int MAX_PROBLEM = 255;

	private static final String SELECT = "SELECT r.id, r.issuer, r.issuer_key, r.patient, r.referrer, "
			+ "r.referrer_name, r.group_id, r.program_id, COALESCE(g.name, p.name), r.note, r.fits_record, r.state, "
			+ "r.ehr_state, r.ehr_reference, r.ehr_problem, r.created_at, r.changed_at FROM referral r "
			+ "LEFT JOIN community_group g ON g.id = r.group_id LEFT JOIN program p ON p.id = r.program_id ";

	private final JdbcClient jdbc;

	ReferralStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new referral.
	 * @param referral the referral (its id and target name are ignored)
	 * @return its id
	 */
	public long insert(Referral referral) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO referral (issuer, issuer_key, patient, referrer, referrer_name, group_id, program_id, "
					+ "note, fits_record, state, ehr_state, created_at, changed_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(referral.issuer(), referral.issuerKey(), referral.patient(), referral.referrer(),
					referral.referrerName(), referral.groupId(), referral.programId(), referral.note(),
					referral.fitsRecord(), referral.state().name(), referral.ehr().name(),
					Timestamp.from(referral.createdAt()), Timestamp.from(referral.changedAt()))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/**
	 * One referral of a health system.
	 * @param issuer the health system
	 * @param id the referral
	 * @return the referral, or empty
	 */
	public Optional<Referral> find(String issuer, long id) {
		return this.jdbc.sql(SELECT + "WHERE r.issuer = ? AND r.id = ?")
			.params(issuer, id)
			.query(ReferralStore::referral)
			.optional();
	}

	/**
	 * A patient's referrals, latest first.
	 * @param issuer the health system
	 * @param patient the patient
	 * @return the referrals
	 */
	public List<Referral> ofPatient(String issuer, String patient) {
		return this.jdbc.sql(SELECT + "WHERE r.issuer = ? AND r.patient = ? ORDER BY r.created_at DESC, r.id DESC")
			.params(issuer, patient)
			.query(ReferralStore::referral)
			.list();
	}

	/**
	 * A clinician's referrals, latest first.
	 * @param issuer the health system
	 * @param referrer the clinician
	 * @param limit at most this many
	 * @return the referrals
	 */
	public List<Referral> byReferrer(String issuer, String referrer, int limit) {
		return this.jdbc
			.sql(SELECT + "WHERE r.issuer = ? AND r.referrer = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ?")
			.params(issuer, referrer, limit)
			.query(ReferralStore::referral)
			.list();
	}

	/**
	 * Every referral of a health system made since a time.
	 * @param issuer the health system
	 * @param since the time
	 * @return the referrals
	 */
	public List<Referral> since(String issuer, Instant since) {
		return this.jdbc.sql(SELECT + "WHERE r.issuer = ? AND r.created_at >= ? ORDER BY r.id")
			.params(issuer, Timestamp.from(since))
			.query(ReferralStore::referral)
			.list();
	}

	/**
	 * Moves a referral on, only from the states given, so that a referral declined is
	 * never reopened by a late page.
	 * @param id the referral
	 * @param to the new state
	 * @param at when
	 * @param from the states it may move from
	 * @return true if it moved
	 */
	public boolean move(long id, ReferralState to, Instant at, List<ReferralState> from) {
		return this.jdbc.sql("UPDATE referral SET state = :to, changed_at = :at WHERE id = :id AND state IN (:from)")
			.param("to", to.name())
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("from", from.stream().map(Enum::name).toList())
			.update() == 1;
	}

	/**
	 * Keeps the id of the ServiceRequest the EHR holds for a referral, as soon as it is
	 * written, so that a later attempt writes only its Task.
	 * @param id the referral
	 * @param reference the ServiceRequest's id
	 */
	public void requestWritten(long id, String reference) {
		this.jdbc.sql("UPDATE referral SET ehr_reference = ? WHERE id = ?").params(reference, id).update();
	}

	/**
	 * Records what the EHR made of a referral still due to be written; one already
	 * written, refused or given up is left as it is.
	 * @param id the referral
	 * @param ehr the outcome
	 * @param task the Task's id, or {@code null}
	 * @param problem why it is not recorded (an HTTP status or an error's name, never
	 * health data), or {@code null}
	 * @return whether it was still due
	 */
	public boolean ehr(long id, EhrRecord ehr, @Nullable String task, @Nullable String problem) {
		return this.jdbc
			.sql("UPDATE referral SET ehr_state = ?, ehr_task = COALESCE(?, ehr_task), ehr_problem = ? "
					+ "WHERE id = ? AND ehr_state IN ('PENDING', 'RETRYING')")
			.params(ehr.name(), task,
					(problem != null && problem.length() > MAX_PROBLEM) ? problem.substring(0, MAX_PROBLEM) : problem,
					id)
			.update() == 1;
	}

	private static Referral referral(ResultSet rs, int row) throws SQLException {
		return new Referral(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), nullableLong(rs, 7), nullableLong(rs, 8), rs.getString(9), rs.getString(10),
				rs.getBoolean(11), ReferralState.valueOf(rs.getString(12)), EhrRecord.valueOf(rs.getString(13)),
				rs.getString(14), rs.getString(15), rs.getTimestamp(16).toInstant(), rs.getTimestamp(17).toInstant());
	}

	private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
