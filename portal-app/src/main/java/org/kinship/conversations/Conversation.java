package org.kinship.conversations;

import java.time.Instant;

/**
 * A private conversation: between a group's staff and one of its members, or between two
 * members of a group where the community allows it.
 *
 * @param id its number
 * @param issuer the health system
 * @param groupId the group whose staff take part
 * @param member the member's {@code fhirUser}
 * @param memberName the name the member goes by in the group
 * @param openedBy who opened it, a {@code fhirUser} of the group's staff
 * @param createdAt when
 * @param peer the other member's {@code fhirUser} in a conversation between members,
 * empty in one with the group's staff
 * @param peerName the name the other member goes by in the group, empty with staff
 */
public record Conversation(long id, String issuer, long groupId, String member, String memberName, String openedBy,
		Instant createdAt, String peer, String peerName) {

	/**
	 * @return whether two members talk in it, rather than a member and the group's staff
	 */
	public boolean betweenMembers() {
		return !this.peer.isEmpty();
	}

	/**
	 * Whether a person is one of its members (not its staff).
	 * @param fhirUser the person
	 * @return true for its member, and its peer between members
	 */
	public boolean joins(String fhirUser) {
		return this.member.equals(fhirUser) || this.peer.equals(fhirUser);
	}

	/**
	 * The other member's name, for one of the two members.
	 * @param fhirUser one of them
	 * @return the other's name in the group
	 */
	public String otherName(String fhirUser) {
		return this.member.equals(fhirUser) ? this.peerName : this.memberName;
	}

	/**
	 * The other member, for one of the two members.
	 * @param fhirUser one of them
	 * @return the other's {@code fhirUser}
	 */
	public String other(String fhirUser) {
		return this.member.equals(fhirUser) ? this.peer : this.member;
	}

}
