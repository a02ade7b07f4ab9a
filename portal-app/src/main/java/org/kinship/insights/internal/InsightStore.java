package org.kinship.insights.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contributors, their medicines and every group's computed insights, in
 * {@code insight_contributor}, {@code insight_medicine} and {@code insight_snapshot}.
 */
@Component
public class InsightStore {

	private final JdbcClient jdbc;

	InsightStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean contributes(String issuer, String member) {
		return this.jdbc.sql("SELECT COUNT(*) FROM insight_contributor WHERE issuer = ? AND member = ?")
			.params(issuer, member)
			.query(Integer.class)
			.single() > 0;
	}

	@Transactional
	public void contribute(String issuer, String member, String issuerKey, @Nullable String patientId, Instant at) {
		if (!contributes(issuer, member)) {
			this.jdbc
				.sql("INSERT INTO insight_contributor (issuer, member, issuer_key, patient_id, since) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(issuer, member, issuerKey, patientId, Timestamp.from(at))
				.update();
		}
	}

	@Transactional
	public void withdraw(String issuer, String member) {
		this.jdbc.sql("DELETE FROM insight_medicine WHERE issuer = ? AND member = ?").params(issuer, member).update();
		this.jdbc.sql("DELETE FROM insight_contributor WHERE issuer = ? AND member = ?")
			.params(issuer, member)
			.update();
	}

	/** Every contributor of a health system, with their patient, by member. */
	public Map<String, Contributor> contributors(String issuer) {
		Map<String, Contributor> contributors = new HashMap<>();
		this.jdbc.sql("SELECT member, issuer_key, patient_id FROM insight_contributor WHERE issuer = ?")
			.param(issuer)
			.query((rs) -> {
				contributors.put(rs.getString(1), new Contributor(rs.getString(1), rs.getString(2), rs.getString(3)));
			});
		return contributors;
	}

	/** The ingredients each contributor of a health system takes, by ingredient. */
	public Map<String, Set<String>> takers(String issuer) {
		Map<String, Set<String>> takers = new HashMap<>();
		this.jdbc.sql("SELECT member, ingredient_name FROM insight_medicine WHERE issuer = ?")
			.param(issuer)
			.query((rs) -> {
				takers.computeIfAbsent(rs.getString(2), (key) -> new HashSet<>()).add(rs.getString(1));
			});
		return takers;
	}

	/** When a contributor's medicines were last read, or empty. */
	public Optional<Instant> medicinesReadAt(String issuer, String member) {
		return this.jdbc.sql("SELECT MAX(read_at) FROM insight_medicine WHERE issuer = ? AND member = ?")
			.params(issuer, member)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	@Transactional
	public void replaceMedicines(String issuer, String member, Map<String, String> ingredients, Instant at) {
		this.jdbc.sql("DELETE FROM insight_medicine WHERE issuer = ? AND member = ?").params(issuer, member).update();
		ingredients.forEach((code, name) -> this.jdbc
			.sql("INSERT INTO insight_medicine (issuer, member, ingredient_code, ingredient_name, read_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(issuer, member, code, name, Timestamp.from(at))
			.update());
	}

	/** The group's salt, made at its first refresh. */
	@Transactional
	public long salt(long groupId) {
		Optional<Long> salt = this.jdbc.sql("SELECT salt FROM insight_snapshot WHERE group_id = ?")
			.param(groupId)
			.query(Long.class)
			.optional();
		if (salt.isPresent()) {
			return salt.get();
		}
		long made = ThreadLocalRandom.current().nextLong();
		this.jdbc.sql("INSERT INTO insight_snapshot (group_id, salt) VALUES (?, ?)").params(groupId, made).update();
		return made;
	}

	public void saveSnapshot(long groupId, Instant at, List<String> lines) {
		this.jdbc.sql("UPDATE insight_snapshot SET computed_at = ?, body = ? WHERE group_id = ?")
			.params(Timestamp.from(at), String.join("\n", lines), groupId)
			.update();
	}

	public Optional<Snapshot> snapshot(long groupId) {
		return this.jdbc
			.sql("SELECT computed_at, body FROM insight_snapshot WHERE group_id = ? AND computed_at IS NOT NULL")
			.param(groupId)
			.query((rs, row) -> new Snapshot(rs.getTimestamp(1).toInstant(),
					List.of(rs.getString(2).isEmpty() ? new String[0] : rs.getString(2).split("\n"))))
			.optional();
	}

	/**
	 * A contributor.
	 *
	 * @param member their {@code fhirUser}
	 * @param issuerKey their EHR's registration key
	 * @param patientId their patient, or {@code null}
	 */
	public record Contributor(String member, String issuerKey, @Nullable String patientId) {
	}

	/**
	 * A group's stored insights.
	 *
	 * @param computedAt when
	 * @param lines the figures, one a line: section, key, shown
	 */
	public record Snapshot(Instant computedAt, List<String> lines) {
	}

}
