package org.kinship.notifications.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kinship.broadcast.BroadcastInbox;
import org.kinship.broadcast.BroadcastInbox.Reminder;
import org.kinship.groups.Membership;
import org.kinship.groups.Memberships;

import org.springframework.stereotype.Component;

/**
 * Whether a notice may still be told now, checked again each time notices are batched,
 * e-mailed and pushed, since minutes or hours (quiet hours, a reminder's delay) may have
 * passed since it was decided: a notice about a group only to a member still in it, a
 * broadcast's reminder only to a recipient who has still not acknowledged it and is still
 * in its groups. Two reads for a batch of members, whatever their number.
 */
@Component
class StillDue {

	private final Memberships memberships;

	private final BroadcastInbox broadcasts;

	StillDue(Memberships memberships, BroadcastInbox broadcasts) {
		this.memberships = memberships;
		this.broadcasts = broadcasts;
	}

	/**
	 * Reads what is needed to check some members' notices and digests.
	 * @param notices the notices
	 * @param groupIds the groups of the notices and digests
	 * @param fhirUsers the members
	 * @return the check
	 */
	Check of(Collection<Item> notices, Collection<Long> groupIds, Collection<String> fhirUsers) {
		Set<String> active = new HashSet<>();
		for (Membership member : this.memberships.activeMembers(groupIds, fhirUsers)) {
			active.add(member.groupId() + " " + member.fhirUser());
		}
		List<Long> broadcastIds = notices.stream()
			.filter((item) -> item.kind() == Item.Kind.BROADCAST && item.subjectId() != null)
			.map(Item::subjectId)
			.distinct()
			.toList();
		Set<Reminder> reminders = broadcastIds.isEmpty() ? Set.of() : this.broadcasts.stillToRemind(broadcastIds);
		return new Check(active, reminders);
	}

	/**
	 * What a batch of members may still be told.
	 *
	 * @param active active memberships as {@code groupId fhirUser}
	 * @param reminders the reminders still due
	 */
	record Check(Set<String> active, Set<Reminder> reminders) {

		/**
		 * @param groupId the group
		 * @param fhirUser the member
		 * @return whether the member is still in the group
		 */
		boolean member(long groupId, String fhirUser) {
			return this.active.contains(groupId + " " + fhirUser);
		}

		/**
		 * @param item a notice
		 * @return whether it may still be told to its member
		 */
		boolean told(Item item) {
			if (item.kind() == Item.Kind.BROADCAST) {
				// a reminder stored before reminders named their broadcast cannot be
				// checked
				return item.subjectId() == null
						|| this.reminders.contains(new Reminder(item.subjectId(), item.fhirUser()));
			}
			return item.kind().outsideMembership()
					|| (item.groupId() != null && member(item.groupId(), item.fhirUser()));
		}

	}

}
