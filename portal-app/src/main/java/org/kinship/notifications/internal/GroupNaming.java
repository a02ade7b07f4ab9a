package org.kinship.notifications.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.Label;

import org.springframework.stereotype.Component;

/**
 * Whether a notice may name a group to a member, the same for e-mails and pushes: where
 * the member allowed it for the group, or, where they chose nothing, where their health
 * system names groups ({@code named-group-issuers}). Reads the members' choices and the
 * groups' names once for a batch of members.
 */
@Component
class GroupNaming {

	private final PreferenceStore preferences;

	private final GroupDirectory groups;

	private final NotificationsProperties properties;

	GroupNaming(PreferenceStore preferences, GroupDirectory groups, NotificationsProperties properties) {
		this.preferences = preferences;
		this.groups = groups;
		this.properties = properties;
	}

	/**
	 * The names some members may be told, in two reads.
	 * @param groupIds the groups
	 * @param fhirUsers the members
	 * @return the names
	 */
	Names of(Collection<Long> groupIds, Collection<String> fhirUsers) {
		Map<String, Preference> chosen = new HashMap<>();
		for (Preference preference : this.preferences.of(groupIds, fhirUsers)) {
			chosen.put(preference.groupId() + " " + preference.fhirUser(), preference);
		}
		Map<Long, Label> labels = groupIds.isEmpty() ? Map.of() : this.groups.labels(groupIds);
		return new Names(chosen, labels, this.properties.namedGroupIssuers());
	}

	/**
	 * The group names of a batch of members.
	 *
	 * @param chosen the members' choices by group and member
	 * @param labels the groups' names
	 * @param namedGroupIssuers health systems that name groups unless told not to
	 */
	record Names(Map<String, Preference> chosen, Map<Long, Label> labels, List<String> namedGroupIssuers) {

		/**
		 * @param contact the member
		 * @param groupId the group, or {@code null}
		 * @return the group's name where the member may be told it, or empty
		 */
		String of(Contact contact, @Nullable Long groupId) {
			if (groupId == null) {
				return "";
			}
			Preference preference = this.chosen.get(groupId + " " + contact.fhirUser());
			boolean allowed = (preference != null) ? preference.nameGroup()
					: this.namedGroupIssuers.contains(contact.issuerKey());
			Label label = this.labels.get(groupId);
			return (allowed && label != null) ? label.name() : "";
		}

	}

}
