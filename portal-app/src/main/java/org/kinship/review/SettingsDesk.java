package org.kinship.review;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.Refused;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ModerationSettings.Overrides;
import org.kinship.moderation.ModerationSettings.Settings;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation settings of a community (community managers) and of one group (its
 * facilitators too), checked and logged.
 */
@Component
public class SettingsDesk {

	private final GroupDirectory groups;

	private final ModerationSettings settings;

	private final ModerationLog log;

	SettingsDesk(GroupDirectory groups, ModerationSettings settings, ModerationLog log) {
		this.groups = groups;
		this.settings = settings;
		this.log = log;
	}

	/**
	 * What a scope sets and what is in force there.
	 * @param principal a community manager, or a facilitator of the group
	 * @param groupId a group, or {@link ModerationSettings#COMMUNITY}
	 * @return the scope's view
	 * @throws Refused when the person may not change that scope
	 */
	@Transactional(readOnly = true)
	public Scope scope(KinshipPrincipal principal, long groupId) {
		Group group = checked(principal, groupId);
		return new Scope(group, this.settings.own(principal.issuer(), groupId),
				this.settings.inForce(principal.issuer(), groupId));
	}

	/**
	 * Saves what a scope sets; empty fields take the wider value.
	 * @param principal a community manager, or a facilitator of the group
	 * @param groupId a group, or {@link ModerationSettings#COMMUNITY}
	 * @param overrides the values
	 * @throws Refused for a value out of range
	 */
	@Transactional
	public void save(KinshipPrincipal principal, long groupId, Overrides overrides) {
		checked(principal, groupId);
		range(overrides.newMemberPosts(), 0, 100);
		range(overrides.flagsToHide(), 1, 100);
		range(overrides.responseMinutes(), 1, 1440);
		this.settings.save(principal.issuer(), groupId, overrides);
		this.log.record(
				new ModerationLog.Entry(principal.issuer(), (groupId == ModerationSettings.COMMUNITY) ? null : groupId,
						principal.fhirUser(), "SETTINGS", null, null, overrides.toString()));
	}

	private static void range(@Nullable Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			throw new Refused("review.error.range", min, max);
		}
	}

	private @Nullable Group checked(KinshipPrincipal principal, long groupId) {
		if (groupId == ModerationSettings.COMMUNITY) {
			if (!principal.has(CommunityRight.COMMUNITY_MANAGER)) {
				throw new Refused("review.error.not-yours");
			}
			return null;
		}
		return this.groups.moderated(principal)
			.stream()
			.filter((group) -> group.id() == groupId)
			.findFirst()
			.orElseThrow(() -> new Refused("review.error.not-yours"));
	}

	/**
	 * A scope's settings.
	 *
	 * @param group the group, or {@code null} for the whole community
	 * @param own what the scope sets itself
	 * @param inForce what is in force there
	 */
	public record Scope(@Nullable Group group, Overrides own, Settings inForce) {
	}

}
