package org.kinship.notifications.internal;

import java.util.Collection;
import java.util.List;

import org.kinship.notifications.Immediate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members' choices per group; a member without a row has the default. */
@Repository
public class PreferenceStore {

	private static final String SELECT = "SELECT group_id, fhir_user, immediate, digest, name_group "
			+ "FROM notify_preference ";

	private final JdbcClient jdbc;

	PreferenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every stored choice about some groups, in one read.
	 * @param groupIds the groups
	 * @return the choices
	 */
	public List<Preference> ofGroups(Collection<Long> groupIds) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + "WHERE group_id IN (:groups)")
			.param("groups", groupIds)
			.query(PreferenceStore::row)
			.list();
	}

	/**
	 * The stored choices of some members about some groups, in one read.
	 * @param groupIds the groups
	 * @param fhirUsers the members
	 * @return the choices
	 */
	public List<Preference> of(Collection<Long> groupIds, Collection<String> fhirUsers) {
		if (groupIds.isEmpty() || fhirUsers.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + "WHERE group_id IN (:groups) AND fhir_user IN (:users)")
			.param("groups", groupIds)
			.param("users", fhirUsers)
			.query(PreferenceStore::row)
			.list();
	}

	private static Preference row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Preference(rs.getLong(1), rs.getString(2), Immediate.valueOf(rs.getString(3)), rs.getBoolean(4),
				rs.getBoolean(5));
	}

	/**
	 * Saves a member's choice for a group.
	 * @param preference the choice
	 */
	public void save(Preference preference) {
		int updated = this.jdbc
			.sql("UPDATE notify_preference SET immediate = ?, digest = ?, name_group = ? "
					+ "WHERE group_id = ? AND fhir_user = ?")
			.params(preference.immediate().name(), preference.digest(), preference.nameGroup(), preference.groupId(),
					preference.fhirUser())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO notify_preference (group_id, fhir_user, immediate, digest, name_group) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(preference.groupId(), preference.fhirUser(), preference.immediate().name(), preference.digest(),
						preference.nameGroup())
				.update();
		}
	}

}
