package org.kinship.checkins.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.checkins.Score.Band;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The check-in plans of groups and the answers of members, in {@code checkin_plan} and
 * {@code checkin_answer}.
 */
@Component
public class CheckinStore {

	private static final String ANSWER = "SELECT id, issuer, member, patient_id, group_id, questionnaire, answers, "
			+ "score, band, at_risk, answered_at, record_status, record_id, questions FROM checkin_answer ";

	private final JdbcClient jdbc;

	CheckinStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A group's chosen check-ins and how often each is asked, in days.
	 * @param groupId the group
	 * @return the plan by Questionnaire id
	 */
	public Map<String, Integer> plan(long groupId) {
		Map<String, Integer> plan = new LinkedHashMap<>();
		this.jdbc.sql("SELECT questionnaire, every_days FROM checkin_plan WHERE group_id = ? ORDER BY questionnaire")
			.param(groupId)
			.query((rs) -> {
				plan.put(rs.getString(1), rs.getInt(2));
			});
		return plan;
	}

	/**
	 * Replaces a group's plan.
	 * @param groupId the group
	 * @param plan how often each chosen check-in is asked, in days
	 * @param by who chose
	 * @param at when
	 */
	public void replacePlan(long groupId, Map<String, Integer> plan, String by, Instant at) {
		this.jdbc.sql("DELETE FROM checkin_plan WHERE group_id = ?").param(groupId).update();
		plan.forEach((questionnaire, days) -> this.jdbc
			.sql("INSERT INTO checkin_plan (group_id, questionnaire, every_days, chosen_by, chosen_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(groupId, questionnaire, days, by, Timestamp.from(at))
			.update());
	}

	/**
	 * Stores answers once per submission: a form sent twice gives the first one's id.
	 * @param answer what to store (its id is ignored)
	 * @param submission the form's own id
	 * @return the stored answer's id, and whether this call stored it
	 */
	public Stored store(StoredAnswer answer, String submission) {
		Optional<Long> earlier = this.jdbc.sql("SELECT id FROM checkin_answer WHERE member = ? AND submission = ?")
			.params(answer.member(), submission)
			.query(Long.class)
			.optional();
		if (earlier.isPresent()) {
			// the usual double submit, answered without the database logging a duplicate
			// key
			return new Stored(earlier.get(), false);
		}
		try {
			this.jdbc
				.sql("INSERT INTO checkin_answer (issuer, member, patient_id, group_id, questionnaire, submission, "
						+ "answers, score, band, at_risk, answered_at, record_status, questions) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NOT_SENT', ?)")
				.params(answer.issuer(), answer.member(), answer.patientId(), answer.groupId(), answer.questionnaire(),
						submission, encodeValues(answer.values(), answer.questions()), answer.score(),
						answer.band().name(), answer.atRisk(), Timestamp.from(answer.answeredAt()),
						encodeQuestions(answer.questions()))
				.update();
			return new Stored(idOf(answer.member(), submission), true);
		}
		catch (DuplicateKeyException ex) {
			return new Stored(idOf(answer.member(), submission), false);
		}
	}

	private long idOf(String member, String submission) {
		return this.jdbc.sql("SELECT id FROM checkin_answer WHERE member = ? AND submission = ?")
			.params(member, submission)
			.query(Long.class)
			.single();
	}

	/**
	 * One answer of a member's.
	 * @param issuer the health system
	 * @param member the member
	 * @param id the answer
	 * @return the answer, or empty when it is not theirs
	 */
	public Optional<StoredAnswer> find(String issuer, String member, long id) {
		return this.jdbc.sql(ANSWER + "WHERE id = ? AND issuer = ? AND member = ?")
			.params(id, issuer, member)
			.query(CheckinStore::answer)
			.optional();
	}

	/**
	 * One answer, for the review queue of its group.
	 * @param groupId the group
	 * @param id the answer
	 * @return the answer, or empty when it is not of that group
	 */
	public Optional<StoredAnswer> inGroup(long groupId, long id) {
		return this.jdbc.sql(ANSWER + "WHERE id = ? AND group_id = ?")
			.params(id, groupId)
			.query(CheckinStore::answer)
			.optional();
	}

	/**
	 * A member's answers, oldest first.
	 * @param issuer the health system
	 * @param member the member
	 * @return the answers
	 */
	public List<StoredAnswer> ofMember(String issuer, String member) {
		return this.jdbc.sql(ANSWER + "WHERE issuer = ? AND member = ? ORDER BY answered_at, id")
			.params(issuer, member)
			.query(CheckinStore::answer)
			.list();
	}

	/**
	 * The answers given in a group since a time by some members, oldest first.
	 * @param groupId the group
	 * @param members the members
	 * @param since the earliest time
	 * @return the answers
	 */
	public List<StoredAnswer> inGroup(long groupId, Collection<String> members, Instant since) {
		if (members.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(ANSWER + "WHERE group_id = :group AND member IN (:members) AND answered_at >= :since "
					+ "ORDER BY answered_at, id")
			.param("group", groupId)
			.param("members", members)
			.param("since", Timestamp.from(since))
			.query(CheckinStore::answer)
			.list();
	}

	/**
	 * Records what became of sending an answer to the record.
	 * @param id the answer
	 * @param status {@code SENT} or {@code REFUSED}
	 * @param recordId the resource's id in the record, for {@code SENT}
	 */
	public void recorded(long id, String status, @Nullable String recordId) {
		this.jdbc.sql("UPDATE checkin_answer SET record_status = ?, record_id = ? WHERE id = ?")
			.params(status, recordId, id)
			.update();
	}

	static String encode(Map<String, Integer> values) {
		StringBuilder text = new StringBuilder();
		values.forEach((linkId,
				value) -> text.append((text.length() > 0) ? ";" : "").append(linkId).append('=').append(value));
		return text.toString();
	}

	static Map<String, Integer> decode(String text) {
		Map<String, Integer> values = new LinkedHashMap<>();
		for (String pair : text.split(";")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(pair.substring(0, equals), Integer.parseInt(pair.substring(equals + 1)));
			}
		}
		return values;
	}

	/**
	 * The values as stored: by linkId, or for questions made for the member by the
	 * question's position, so that long linkIds do not lengthen the column.
	 */
	static String encodeValues(Map<String, Integer> values, Map<String, String> questions) {
		if (questions.isEmpty()) {
			return encode(values);
		}
		Map<String, Integer> byPosition = new LinkedHashMap<>();
		int position = 0;
		for (String linkId : questions.keySet()) {
			position++;
			byPosition.put(String.valueOf(position), values.get(linkId));
		}
		return encode(byPosition);
	}

	static Map<String, Integer> decodeValues(String text, Map<String, String> questions) {
		Map<String, Integer> stored = decode(text);
		if (questions.isEmpty()) {
			return stored;
		}
		Map<String, Integer> values = new LinkedHashMap<>();
		int position = 0;
		for (String linkId : questions.keySet()) {
			position++;
			Integer value = stored.get(String.valueOf(position));
			if (value != null) {
				values.put(linkId, value);
			}
		}
		return values;
	}

	static @Nullable String encodeQuestions(Map<String, String> questions) {
		if (questions.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		questions.forEach((linkId, question) -> text.append(linkId)
			.append('\t')
			.append(question.replaceAll("[\\t\\r\\n]+", " "))
			.append('\n'));
		return text.toString();
	}

	static Map<String, String> decodeQuestions(@Nullable String text) {
		Map<String, String> questions = new LinkedHashMap<>();
		if (text != null) {
			for (String line : text.split("\n")) {
				int tab = line.indexOf('\t');
				if (tab > 0) {
					questions.put(line.substring(0, tab), line.substring(tab + 1));
				}
			}
		}
		return questions;
	}

	private static StoredAnswer answer(ResultSet rs, int row) throws SQLException {
		Map<String, String> questions = decodeQuestions(rs.getString("questions"));
		return new StoredAnswer(rs.getLong("id"), rs.getString("issuer"), rs.getString("member"),
				rs.getString("patient_id"), rs.getLong("group_id"), rs.getString("questionnaire"),
				decodeValues(rs.getString("answers"), questions), rs.getInt("score"),
				Band.valueOf(rs.getString("band")), rs.getBoolean("at_risk"),
				rs.getTimestamp("answered_at").toInstant(), rs.getString("record_status"), rs.getString("record_id"),
				questions);
	}

	/**
	 * An answer as stored.
	 *
	 * @param id the answer
	 * @param issuer the health system
	 * @param member who answered
	 * @param patientId the patient in context when they answered, or {@code null}
	 * @param groupId the group they answered in
	 * @param questionnaire the Questionnaire's id
	 * @param values each question's value by {@code linkId}
	 * @param score the score
	 * @param band what the score means
	 * @param atRisk whether the answers showed risk
	 * @param answeredAt when
	 * @param recordStatus {@code NOT_SENT}, {@code SENT}, {@code REFUSED} or
	 * {@code UNANSWERED}
	 * @param recordId the {@code QuestionnaireResponse}'s id in the record, once sent
	 * @param questions for a check-in whose questions are made for the member (their
	 * medicines), each question's text by {@code linkId} as it was asked; empty for a
	 * check-in of fixed questions
	 */
	public record StoredAnswer(long id, String issuer, String member, @Nullable String patientId, long groupId,
			String questionnaire, Map<String, Integer> values, int score, Band band, boolean atRisk, Instant answeredAt,
			String recordStatus, @Nullable String recordId, Map<String, String> questions) {
	}

	/**
	 * An answer's id after storing.
	 *
	 * @param id the answer
	 * @param created whether this submission stored it (false for a form sent again)
	 */
	public record Stored(long id, boolean created) {
	}

}
