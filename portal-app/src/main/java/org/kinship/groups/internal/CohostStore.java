package org.kinship.groups.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.Cohost;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The co-hosts of groups and the facilitators who come from each.
 */
@Repository
public class CohostStore {

	private final JdbcClient jdbc;

	CohostStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A group's co-hosts, in the order they were named, each with its facilitators.
	 * @param groupId the group
	 * @return the co-hosts
	 */
	public List<Cohost> of(long groupId) {
		Map<Long, Cohost> found = new LinkedHashMap<>();
		this.jdbc.sql("SELECT id, name, url FROM group_cohost WHERE group_id = ? ORDER BY id")
			.param(groupId)
			.query((rs) -> {
				found.put(rs.getLong(1), new Cohost(rs.getLong(1), groupId, rs.getString(2), rs.getString(3),
						new ArrayList<>(), new LinkedHashMap<>()));
			});
		if (!found.isEmpty()) {
			this.jdbc
				.sql("SELECT f.cohost_id, f.fhir_user, f.display_name FROM group_cohost_facilitator f "
						+ "JOIN group_cohost c ON c.id = f.cohost_id WHERE c.group_id = ? ORDER BY f.fhir_user")
				.param(groupId)
				.query((rs) -> {
					Cohost cohost = found.get(rs.getLong(1));
					if (cohost != null) {
						cohost.facilitators().add(rs.getString(2));
						if (rs.getString(3) != null) {
							cohost.names().put(rs.getString(2), rs.getString(3));
						}
					}
				});
		}
		return found.values()
			.stream()
			.map((cohost) -> new Cohost(cohost.id(), groupId, cohost.name(), cohost.url(),
					List.copyOf(cohost.facilitators()), java.util.Collections.unmodifiableMap(cohost.names())))
			.toList();
	}

	/**
	 * Names a co-host.
	 * @param groupId the group
	 * @param name the organisation's name
	 * @param url its web address, or {@code null}
	 */
	public void insert(long groupId, String name, @Nullable String url) {
		this.jdbc.sql("INSERT INTO group_cohost (group_id, name, url) VALUES (?, ?, ?)")
			.params(groupId, name, url)
			.update();
	}

	/**
	 * Removes a co-host of a group, and with it which facilitators came from it.
	 * @param groupId the group
	 * @param cohostId the co-host
	 * @return whether the group had it
	 */
	public boolean delete(long groupId, long cohostId) {
		this.jdbc
			.sql("DELETE FROM group_cohost_facilitator WHERE cohost_id = "
					+ "(SELECT id FROM group_cohost WHERE id = ? AND group_id = ?)")
			.params(cohostId, groupId)
			.update();
		return this.jdbc.sql("DELETE FROM group_cohost WHERE id = ? AND group_id = ?")
			.params(cohostId, groupId)
			.update() == 1;
	}

	/**
	 * Marks one of the group's facilitators as coming from a co-host, or not.
	 * @param cohostId the co-host
	 * @param fhirUser the facilitator
	 * @param from whether they come from it
	 */
	public void facilitator(long cohostId, String fhirUser, boolean from) {
		facilitator(cohostId, fhirUser, from, null);
	}

	/**
	 * Marks one of the group's facilitators as coming from a co-host, or not, with the
	 * name members see.
	 * @param cohostId the co-host
	 * @param fhirUser the facilitator
	 * @param from whether they come from it
	 * @param name the name members see, or {@code null} for none
	 */
	public void facilitator(long cohostId, String fhirUser, boolean from, @Nullable String name) {
		this.jdbc.sql("DELETE FROM group_cohost_facilitator WHERE cohost_id = ? AND fhir_user = ?")
			.params(cohostId, fhirUser)
			.update();
		if (from) {
			this.jdbc.sql("INSERT INTO group_cohost_facilitator (cohost_id, fhir_user, display_name) VALUES (?, ?, ?)")
				.params(cohostId, fhirUser, name)
				.update();
		}
	}

	/**
	 * Forgets that a person facilitates a group for any of its co-hosts, when they stop
	 * facilitating it.
	 * @param groupId the group
	 * @param fhirUser the person
	 */
	public void forget(long groupId, String fhirUser) {
		this.jdbc
			.sql("DELETE FROM group_cohost_facilitator WHERE fhir_user = ? AND cohost_id IN "
					+ "(SELECT id FROM group_cohost WHERE group_id = ?)")
			.params(fhirUser, groupId)
			.update();
	}

}
