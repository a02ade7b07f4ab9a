package org.kinship.groups.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kinship.groups.Membership;
import org.kinship.groups.Membership.MembershipStatus;
import org.kinship.shared.RequestMemo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who belongs to which group under which name.
 */
@Repository
public class MembershipStore {

	/** A membership's columns, in the order {@link #membership} reads them. */
	static final String COLUMNS = "group_id, fhir_user, display_name, caregiver_badge, clinician_badge, status, "
			+ "joined_at, peer_mentor";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM group_member ";

	private final JdbcClient jdbc;

	MembershipStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One person's membership of a group.
	 * @param groupId the group
	 * @param fhirUser the person
	 * @return the membership, active or pending
	 */
	public Optional<Membership> find(long groupId, String fhirUser) {
		// a group's page asks for itself and for its check-ins: read once per page
		return RequestMemo.once(key(groupId, fhirUser),
				() -> this.jdbc.sql(SELECT + "WHERE group_id = ? AND fhir_user = ?")
					.params(groupId, fhirUser)
					.query(MembershipStore::row)
					.optional());
	}

	/**
	 * Keeps for the page a membership read with its group, so that it is not read again.
	 * @param groupId the group
	 * @param fhirUser the person
	 * @param membership the person's membership, active or pending, or empty
	 */
	public void known(long groupId, String fhirUser, Optional<Membership> membership) {
		RequestMemo.keep(key(groupId, fhirUser), membership);
	}

	private static String key(long groupId, String fhirUser) {
		return "groups.membership " + groupId + " " + fhirUser;
	}

	/**
	 * A group's memberships in one status, by name.
	 * @param groupId the group
	 * @param status the status
	 * @return the memberships
	 */
	public List<Membership> of(long groupId, MembershipStatus status) {
		return this.jdbc.sql(SELECT + "WHERE group_id = ? AND status = ? ORDER BY display_name")
			.params(groupId, status.name())
			.query(MembershipStore::row)
			.list();
	}

	/**
	 * The active members of some groups of one health system, each once, with the patient
	 * whose record counts for them when Kinship knows it.
	 * @param issuer the health system; groups of another are ignored
	 * @param groupIds the groups
	 * @return {@code fhirUser} and patient id (or {@code null}) pairs
	 */
	public List<String[]> activeIn(String issuer, java.util.Collection<Long> groupIds) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT m.fhir_user, MIN(p.patient_id) FROM group_member m "
					+ "JOIN community_group g ON g.id = m.group_id "
					+ "LEFT JOIN kinship_patient p ON p.issuer = g.issuer AND p.fhir_user = m.fhir_user "
					+ "WHERE g.issuer = :issuer AND m.group_id IN (:groups) AND m.status = 'ACTIVE' "
					+ "GROUP BY m.fhir_user ORDER BY m.fhir_user")
			.param("issuer", issuer)
			.param("groups", groupIds)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}

	/**
	 * A page of a group's active members by name.
	 * @param groupId the group
	 * @param contains a part of the name to look for, any case; blank for everyone
	 * @param offset how many to skip
	 * @param limit how many at most
	 * @return the memberships, by name
	 */
	public List<Membership> activePage(long groupId, String contains, int offset, int limit) {
		// names are unique in a group: ordered by the name alone, the rows come in the
		// order of its index (uq_member_name), with no sort
		return this.jdbc
			.sql(SELECT + "WHERE group_id = :group AND status = 'ACTIVE' AND display_name_key LIKE :name ESCAPE '!' "
					+ "ORDER BY display_name_key LIMIT :limit OFFSET :offset")
			.param("group", groupId)
			.param("name", containing(key(contains)))
			.param("limit", limit)
			.param("offset", offset)
			.query(MembershipStore::row)
			.list();
	}

	/**
	 * The first active members of a group by name and its peer mentors, in one statement:
	 * a group's page shows both.
	 * @param groupId the group
	 * @param limit how many members at most
	 * @return the first members and every mentor, each by name
	 */
	public FirstAndMentors firstAndMentors(long groupId, int limit) {
		String part = "SELECT " + COLUMNS
				+ ", display_name_key, %d FROM group_member WHERE group_id = ? AND status = 'ACTIVE' ";
		List<Membership> first = new ArrayList<>();
		List<Membership> mentors = new ArrayList<>();
		this.jdbc
			.sql("(" + part.formatted(0) + "ORDER BY display_name_key LIMIT ?) UNION ALL (" + part.formatted(1)
					+ "AND peer_mentor = TRUE) ORDER BY 10, 9")
			.params(groupId, limit, groupId)
			.query((rs) -> {
				(rs.getInt(10) == 0 ? first : mentors).add(row(rs, 0));
			});
		return new FirstAndMentors(List.copyOf(first), List.copyOf(mentors));
	}

	/**
	 * A group's first members and its peer mentors.
	 *
	 * @param first the first active members by name
	 * @param mentors every peer mentor, by name
	 */
	public record FirstAndMentors(List<Membership> first, List<Membership> mentors) {

		/** Nobody: what a page shows to one who may not see the members. */
		public static final FirstAndMentors NONE = new FirstAndMentors(List.of(), List.of());

	}

	/**
	 * How many active members of a group go by a name containing a part.
	 * @param groupId the group
	 * @param contains the part, any case
	 * @return the number
	 */
	public int countActiveContaining(long groupId, String contains) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM group_member WHERE group_id = ? AND status = 'ACTIVE' "
					+ "AND display_name_key LIKE ? ESCAPE '!'")
			.params(groupId, containing(key(contains)))
			.query(Integer.class)
			.single();
	}

	/**
	 * The active member of a group who goes by a name.
	 * @param groupId the group
	 * @param displayName the name, in any case
	 * @return the membership, or empty when nobody active goes by it
	 */
	public Optional<Membership> activeByName(long groupId, String displayName) {
		return this.jdbc.sql(SELECT + "WHERE group_id = ? AND display_name_key = ? AND status = 'ACTIVE'")
			.params(groupId, key(displayName))
			.query(MembershipStore::row)
			.optional();
	}

	/**
	 * The members who joined a group most recently.
	 * @param groupId the group
	 * @param since the earliest joining counted
	 * @param limit how many at most
	 * @return their memberships, newest first
	 */
	public List<Membership> joinedSince(long groupId, Instant since, int limit) {
		return this.jdbc
			.sql(SELECT + "WHERE group_id = ? AND status = 'ACTIVE' AND joined_at > ? ORDER BY joined_at DESC LIMIT ?")
			.params(groupId, Timestamp.from(since), limit)
			.query(MembershipStore::row)
			.list();
	}

	/**
	 * The active members of several groups, in one read.
	 * @param groupIds the groups
	 * @return their active memberships
	 */
	public List<Membership> activeOf(java.util.Collection<Long> groupIds) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + "WHERE group_id IN (:groups) AND status = 'ACTIVE'")
			.param("groups", groupIds)
			.query(MembershipStore::row)
			.list();
	}

	/**
	 * The active memberships of some people in some groups, in one read.
	 * @param groupIds the groups
	 * @param fhirUsers the people
	 * @return their active memberships of those groups
	 */
	public List<Membership> activeOf(java.util.Collection<Long> groupIds, java.util.Collection<String> fhirUsers) {
		if (groupIds.isEmpty() || fhirUsers.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + "WHERE group_id IN (:groups) AND fhir_user IN (:users) AND status = 'ACTIVE'")
			.param("groups", groupIds)
			.param("users", fhirUsers)
			.query(MembershipStore::row)
			.list();
	}

	/**
	 * Every membership of a person at a health system.
	 * @param issuer the health system
	 * @param fhirUser the person
	 * @return the memberships
	 */
	public List<Membership> ofUser(String issuer, String fhirUser) {
		return this.jdbc
			.sql("SELECT m.group_id, m.fhir_user, m.display_name, m.caregiver_badge, m.clinician_badge, m.status, "
					+ "m.joined_at, m.peer_mentor FROM group_member m JOIN community_group g ON g.id = m.group_id "
					+ "WHERE g.issuer = ? AND m.fhir_user = ? ORDER BY m.joined_at")
			.params(issuer, fhirUser)
			.query(MembershipStore::row)
			.list();
	}

	/**
	 * Whether a display name is in use in a group, ignoring case.
	 * @param groupId the group
	 * @param displayName the name
	 * @return true if taken
	 */
	public boolean nameTaken(long groupId, String displayName) {
		return this.jdbc.sql("SELECT COUNT(*) FROM group_member WHERE group_id = ? AND display_name_key = ?")
			.params(groupId, key(displayName))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Stores a membership.
	 * @param membership the membership
	 */
	public void insert(Membership membership) {
		Timestamp now = Timestamp.from(membership.joinedAt());
		this.jdbc
			.sql("INSERT INTO group_member (group_id, fhir_user, display_name, display_name_key, caregiver_badge, "
					+ "clinician_badge, status, guidelines_accepted_at, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(membership.groupId(), membership.fhirUser(), membership.displayName(),
					key(membership.displayName()), membership.caregiverBadge(), membership.clinicianBadge(),
					membership.status().name(), now, now)
			.update();
	}

	/**
	 * Turns a pending request into a membership.
	 * @param groupId the group
	 * @param fhirUser the person
	 * @return whether a pending request was there
	 */
	public boolean approve(long groupId, String fhirUser) {
		return this.jdbc
			.sql("UPDATE group_member SET status = 'ACTIVE', joined_at = ? WHERE group_id = ? "
					+ "AND fhir_user = ? AND status = 'PENDING'")
			.params(Timestamp.from(Instant.now()), groupId, fhirUser)
			.update() == 1;
	}

	/**
	 * Appoints an active member a peer mentor of a group, or ends it.
	 * @param groupId the group
	 * @param fhirUser the member
	 * @param mentor appoint, or end
	 * @return whether the person is an active member of the group
	 */
	public boolean setPeerMentor(long groupId, String fhirUser, boolean mentor) {
		return this.jdbc
			.sql("UPDATE group_member SET peer_mentor = ? WHERE group_id = ? AND fhir_user = ? AND status = 'ACTIVE'")
			.params(mentor, groupId, fhirUser)
			.update() == 1;
	}

	/**
	 * Removes a membership or a request.
	 * @param groupId the group
	 * @param fhirUser the person
	 * @return whether there was one
	 */
	public boolean delete(long groupId, String fhirUser) {
		return this.jdbc.sql("DELETE FROM group_member WHERE group_id = ? AND fhir_user = ?")
			.params(groupId, fhirUser)
			.update() == 1;
	}

	/**
	 * Removes every membership of a person at a health system.
	 * @param issuer the health system
	 * @param fhirUser the person
	 * @return how many were removed
	 */
	public int deleteAll(String issuer, String fhirUser) {
		return this.jdbc
			.sql("DELETE FROM group_member WHERE fhir_user = ? AND group_id IN "
					+ "(SELECT id FROM community_group WHERE issuer = ?)")
			.params(fhirUser, issuer)
			.update();
	}

	private static Membership row(ResultSet rs, int row) throws SQLException {
		return membership(rs, 1);
	}

	/**
	 * A membership read as {@link #COLUMNS} from a column on.
	 * @param rs the row
	 * @param first the column of its {@code group_id}
	 * @return the membership
	 * @throws SQLException when the row cannot be read
	 */
	static Membership membership(ResultSet rs, int first) throws SQLException {
		return new Membership(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
				rs.getBoolean(first + 3), rs.getBoolean(first + 4), MembershipStatus.valueOf(rs.getString(first + 5)),
				rs.getObject(first + 6, Instant.class), rs.getBoolean(first + 7));
	}

	// a LIKE pattern for names that contain the part, its wildcards taken literally
	private static String containing(String part) {
		return "%" + part.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	private static String key(String displayName) {
		return displayName.trim().toLowerCase(Locale.ROOT);
	}

}
