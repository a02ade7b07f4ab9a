package org.kinship.groups.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.Audience;
import org.kinship.groups.CodeSet;
import org.kinship.groups.Group;
import org.kinship.groups.GroupText;
import org.kinship.groups.GroupStatus;
import org.kinship.groups.Membership;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Groups with their code sets and staff, one health system at a time.
 */
@Repository
public class GroupStore {

	/** A facilitator of a group. */
	public static final String FACILITATOR = "FACILITATOR";

	/** A sponsoring community manager. */
	public static final String SPONSOR = "SPONSOR";

	private static final String COLUMNS = "g.id, g.issuer, g.slug, g.name, g.description, g.guidelines, "
			+ "g.audience, g.listed, g.status, (SELECT COUNT(*) FROM group_member m WHERE m.group_id = g.id "
			+ "AND m.status = 'ACTIVE')";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM community_group g ";

	private final JdbcClient jdbc;

	GroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every group of a health system, by name.
	 * @param issuer the health system
	 * @return the groups
	 */
	public List<Group> all(String issuer) {
		return complete(
				this.jdbc.sql(SELECT + "WHERE g.issuer = ? ORDER BY g.name").param(issuer).query(this::row).list());
	}

	/**
	 * One group by its slug.
	 * @param issuer the health system
	 * @param slug the slug
	 * @return the group
	 */
	public Optional<Group> find(String issuer, String slug) {
		return complete(this.jdbc.sql(SELECT + "WHERE g.issuer = ? AND g.slug = ?")
			.params(issuer, slug)
			.query(this::row)
			.list()).stream().findFirst();
	}

	/**
	 * One group by its slug with one person's membership of it, in one statement: a
	 * group's page opens with both.
	 * @param issuer the health system
	 * @param slug the slug
	 * @param fhirUser the person
	 * @return the group with the person's membership (active or pending) if they have one
	 */
	public Optional<WithMembership> findWithMembership(String issuer, String slug, String fhirUser) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", own." + MembershipStore.COLUMNS.replace(", ", ", own.")
					+ " FROM community_group g LEFT JOIN group_member own ON own.group_id = g.id "
					+ "AND own.fhir_user = ? WHERE g.issuer = ? AND g.slug = ?")
			.params(fhirUser, issuer, slug)
			.query((rs, row) -> new WithMembership(row(rs, row),
					Optional.ofNullable((rs.getString(11) != null) ? MembershipStore.membership(rs, 11) : null)))
			.optional()
			.map((found) -> new WithMembership(complete(List.of(found.group())).get(0), found.membership()));
	}

	/**
	 * A group with one person's membership of it.
	 *
	 * @param group the group
	 * @param membership the person's membership, active or pending, or empty
	 */
	public record WithMembership(Group group, Optional<Membership> membership) {
	}

	/**
	 * The names and health systems of several groups, in one read.
	 * @param ids the groups
	 * @return each group's id with its issuer and name
	 */
	public List<String[]> namesOf(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT id, issuer, name FROM community_group WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
	}

	/**
	 * One group by its id.
	 * @param issuer the health system, which must own the group
	 * @param id the id
	 * @return the group
	 */
	public Optional<Group> findById(String issuer, long id) {
		return complete(
				this.jdbc.sql(SELECT + "WHERE g.issuer = ? AND g.id = ?").params(issuer, id).query(this::row).list())
			.stream()
			.findFirst();
	}

	/**
	 * What a person's seat in a group's discussion rests on, read in one query for every
	 * message sent: the group's id, slug and status, the name the person goes by there as
	 * an active member, and whether they facilitate it.
	 * @param issuer the health system
	 * @param id the group
	 * @param fhirUser the person
	 * @return the row, or empty when the group is not the health system's
	 */
	public Optional<SeatRow> seatRow(String issuer, long id, String fhirUser) {
		return seatRow("g.id", issuer, id, fhirUser);
	}

	/**
	 * What a person's seat rests on, by the group's slug.
	 * @param issuer the health system
	 * @param slug the group
	 * @param fhirUser the person
	 * @return the row, or empty when the health system has no such group
	 */
	public Optional<SeatRow> seatRow(String issuer, String slug, String fhirUser) {
		return seatRow("g.slug", issuer, slug, fhirUser);
	}

	private Optional<SeatRow> seatRow(String keyColumn, String issuer, Object key, String fhirUser) {
		return this.jdbc
			.sql("SELECT g.id, g.slug, g.status, m.display_name, (SELECT COUNT(*) FROM group_staff s "
					+ "WHERE s.group_id = g.id AND s.duty = ? AND s.fhir_user = ?), m.peer_mentor "
					+ "FROM community_group g LEFT JOIN group_member m ON m.group_id = g.id AND m.fhir_user = ? "
					+ "AND m.status = 'ACTIVE' WHERE g.issuer = ? AND " + keyColumn + " = ?")
			.params(FACILITATOR, fhirUser, fhirUser, issuer, key)
			.query((rs, row) -> new SeatRow(rs.getLong(1), rs.getString(2), GroupStatus.valueOf(rs.getString(3)),
					rs.getString(4), rs.getInt(5) > 0, rs.getBoolean(6)))
			.optional();
	}

	/**
	 * What a seat rests on.
	 *
	 * @param id the group's id
	 * @param slug the group's slug
	 * @param status the group's status
	 * @param memberName the name the person goes by as an active member, or {@code null}
	 * when they are not one
	 * @param facilitator whether the person facilitates the group
	 * @param peerMentor whether the person is an active member appointed a peer mentor
	 */
	public record SeatRow(long id, String slug, GroupStatus status, @Nullable String memberName, boolean facilitator,
			boolean peerMentor) {
	}

	/**
	 * Whether a name is taken, compared as folded.
	 * @param issuer the health system
	 * @param name the name
	 * @param exceptId a group to leave out of the check, or {@code 0}
	 * @return true if another group has the name
	 */
	public boolean nameTaken(String issuer, String name, long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM community_group WHERE issuer = ? AND name_key = ? AND id <> ?")
			.params(issuer, nameKey(name), exceptId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Whether a slug is taken.
	 * @param issuer the health system
	 * @param slug the slug
	 * @return true if taken
	 */
	public boolean slugTaken(String issuer, String slug) {
		return this.jdbc.sql("SELECT COUNT(*) FROM community_group WHERE issuer = ? AND slug = ?")
			.params(issuer, slug)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Stores a new group without codes or staff.
	 * @param group the group (its id and counts are ignored)
	 * @param createdBy who creates it
	 * @return the new id
	 */
	public long insert(Group group, String createdBy) {
		this.jdbc
			.sql("INSERT INTO community_group (issuer, slug, name, name_key, description, guidelines, audience, "
					+ "listed, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(group.issuer(), group.slug(), group.name(), nameKey(group.name()), group.description(),
					group.guidelines(), group.audience().name(), group.listed(), group.status().name(),
					Timestamp.from(Instant.now()), createdBy)
			.update();
		return this.jdbc.sql("SELECT id FROM community_group WHERE issuer = ? AND slug = ?")
			.params(group.issuer(), group.slug())
			.query(Long.class)
			.single();
	}

	/**
	 * Changes a group's status alone.
	 * @param groupId the group
	 * @param status open, locked or archived
	 */
	public void updateStatus(long groupId, GroupStatus status) {
		this.jdbc.sql("UPDATE community_group SET status = ? WHERE id = ?").params(status.name(), groupId).update();
	}

	/**
	 * Changes a group's texts and settings; the slug stays.
	 * @param group the group as it should be
	 */
	public void update(Group group) {
		this.jdbc
			.sql("UPDATE community_group SET name = ?, name_key = ?, description = ?, guidelines = ?, "
					+ "audience = ?, listed = ?, status = ? WHERE id = ?")
			.params(group.name(), nameKey(group.name()), group.description(), group.guidelines(),
					group.audience().name(), group.listed(), group.status().name(), group.id())
			.update();
	}

	/**
	 * Replaces a group's code set.
	 * @param groupId the group
	 * @param codes the codes
	 */
	public void replaceCodes(long groupId, CodeSet codes) {
		this.jdbc.sql("DELETE FROM group_code WHERE group_id = ?").param(groupId).update();
		codes.snomed().forEach((code) -> insertCode(groupId, "SNOMED", code));
		codes.icd10().forEach((code) -> insertCode(groupId, "ICD10", code));
	}

	/**
	 * Adds a staff member, once.
	 * @param groupId the group
	 * @param fhirUser the person
	 * @param duty {@link #FACILITATOR} or {@link #SPONSOR}
	 */
	public void addStaff(long groupId, String fhirUser, String duty) {
		this.jdbc.sql("DELETE FROM group_staff WHERE group_id = ? AND fhir_user = ? AND duty = ?")
			.params(groupId, fhirUser, duty)
			.update();
		this.jdbc.sql("INSERT INTO group_staff (group_id, fhir_user, duty) VALUES (?, ?, ?)")
			.params(groupId, fhirUser, duty)
			.update();
	}

	/**
	 * Removes a staff member.
	 * @param groupId the group
	 * @param fhirUser the person
	 * @param duty the duty
	 */
	public void removeStaff(long groupId, String fhirUser, String duty) {
		this.jdbc.sql("DELETE FROM group_staff WHERE group_id = ? AND fhir_user = ? AND duty = ?")
			.params(groupId, fhirUser, duty)
			.update();
	}

	/**
	 * Sets a group's words in one language, or removes them when blank.
	 * @param groupId the group
	 * @param language the language code, such as {@code es}
	 * @param text the words
	 */
	public void replaceTranslation(long groupId, String language, GroupText text) {
		this.jdbc.sql("DELETE FROM group_translation WHERE group_id = ? AND language = ?")
			.params(groupId, language)
			.update();
		if (!text.isBlank()) {
			this.jdbc
				.sql("INSERT INTO group_translation (group_id, language, name, description, guidelines) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(groupId, language, text.name(), text.description(), text.guidelines())
				.update();
		}
	}

	/**
	 * Keeps the Markdown that a group's guidelines, or their translation, were rendered
	 * from; the translation must be stored first.
	 * @param groupId the group
	 * @param language a language code such as {@code es}, or {@code null} for the group's
	 * own guidelines
	 * @param markdown the source, or {@code null} when the guidelines were typed as HTML
	 */
	public void replaceGuidelinesSource(long groupId, @Nullable String language, @Nullable String markdown) {
		if (language == null) {
			this.jdbc.sql("UPDATE community_group SET guidelines_source = ? WHERE id = ?")
				.params(markdown, groupId)
				.update();
		}
		else {
			this.jdbc.sql("UPDATE group_translation SET guidelines_source = ? WHERE group_id = ? AND language = ?")
				.params(markdown, groupId, language)
				.update();
		}
	}

	/**
	 * The Markdown a group's guidelines were rendered from, for its form.
	 * @param groupId the group
	 * @return the sources by language code, {@code ""} for the group's own; guidelines
	 * typed as HTML have none
	 */
	public Map<String, String> guidelinesSources(long groupId) {
		Map<String, String> sources = new HashMap<>();
		this.jdbc.sql("SELECT guidelines_source FROM community_group WHERE id = ?").param(groupId).query((rs) -> {
			putSource(sources, "", rs.getString(1));
		});
		this.jdbc.sql("SELECT language, guidelines_source FROM group_translation WHERE group_id = ?")
			.param(groupId)
			.query((rs) -> {
				putSource(sources, rs.getString(1), rs.getString(2));
			});
		return sources;
	}

	private static void putSource(Map<String, String> sources, String language, @Nullable String source) {
		if (source != null) {
			sources.put(language, source);
		}
	}

	private void insertCode(long groupId, String system, String code) {
		this.jdbc.sql("INSERT INTO group_code (group_id, code_system, code) VALUES (?, ?, ?)")
			.params(groupId, system, code)
			.update();
	}

	private List<Group> complete(List<Group> groups) {
		if (groups.isEmpty()) {
			return groups;
		}
		Map<Long, Set<String>[]> codes = new HashMap<>();
		Map<Long, Set<String>[]> staff = new HashMap<>();
		String ids = String.join(",", groups.stream().map((group) -> String.valueOf(group.id())).toList());
		Map<Long, Map<String, GroupText>> translations = new HashMap<>();
		// the codes, the staff and the translations in one statement: every group's page
		// reads them (the translations' part first, where the longest values are typed)
		String in = " WHERE group_id IN (" + ids + ")";
		this.jdbc
			.sql("SELECT 'T', group_id, language, name, description, guidelines FROM group_translation" + in
					+ " UNION ALL SELECT 'C', group_id, code_system, code, NULL, NULL FROM group_code" + in
					+ " UNION ALL SELECT 'S', group_id, duty, fhir_user, NULL, NULL FROM group_staff" + in)
			.query((rs) -> {
				long groupId = rs.getLong(2);
				switch (rs.getString(1)) {
					case "C" ->
						codes.computeIfAbsent(groupId, GroupStore::pair)["SNOMED".equals(rs.getString(3)) ? 0 : 1]
							.add(rs.getString(4));
					case "S" ->
						staff.computeIfAbsent(groupId, GroupStore::pair)[SPONSOR.equals(rs.getString(3)) ? 0 : 1]
							.add(rs.getString(4));
					default -> translations.computeIfAbsent(groupId, (id) -> new HashMap<>())
						.put(rs.getString(3), new GroupText(rs.getString(4), rs.getString(5), rs.getString(6)));
				}
			});
		List<Group> complete = new ArrayList<>();
		for (Group group : groups) {
			Set<String>[] code = codes.getOrDefault(group.id(), pair(group.id()));
			Set<String>[] people = staff.getOrDefault(group.id(), pair(group.id()));
			complete.add(new Group(group.id(), group.issuer(), group.slug(), group.name(), group.description(),
					group.guidelines(), group.audience(), group.listed(), group.status(),
					new CodeSet(new TreeSet<>(code[0]), new TreeSet<>(code[1])), Set.copyOf(people[0]),
					Set.copyOf(people[1]), group.memberCount(), translations.getOrDefault(group.id(), Map.of())));
		}
		return complete;
	}

	@SuppressWarnings("unchecked")
	private static Set<String>[] pair(long groupId) {
		return new Set[] { new LinkedHashSet<String>(), new LinkedHashSet<String>() };
	}

	private Group row(ResultSet rs, int row) throws SQLException {
		return new Group(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), Audience.valueOf(rs.getString(7)), rs.getBoolean(8),
				GroupStatus.valueOf(rs.getString(9)), new CodeSet(new TreeSet<>(), new TreeSet<>()), Set.of(), Set.of(),
				rs.getInt(10), Map.of());
	}

	static String nameKey(String name) {
		return name.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
	}

}
