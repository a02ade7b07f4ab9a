package org.kinship.review;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.shared.Refused;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.InvalidTerms;
import org.kinship.moderation.ModerationLog;
import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ModerationSettings.Overrides;
import org.kinship.moderation.ModerationSettings.Settings;
import org.kinship.moderation.WatchAction;
import org.kinship.moderation.WatchedWords;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation settings and watched words of a community (community managers) and of one
 * group (its facilitators too), checked and logged.
 */
@Component
public class SettingsDesk {

	private final GroupDirectory groups;

	private final ModerationSettings settings;

	private final ModerationLog log;

	private final WatchedWords words;

	SettingsDesk(GroupDirectory groups, ModerationSettings settings, ModerationLog log, WatchedWords words) {
		this.groups = groups;
		this.settings = settings;
		this.log = log;
		this.words = words;
	}

	/**
	 * The watched words of a scope.
	 * @param principal a community manager, or a facilitator of the group
	 * @param groupId a group, or {@link ModerationSettings#COMMUNITY}
	 * @return the group (or {@code null} for the community) and its terms
	 * @throws Refused when the person may not change that scope
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Words words(KinshipPrincipal principal, long groupId) {
		return new Words(checked(principal, groupId), this.words.list(principal.issuer(), groupId));
	}

	/**
	 * Adds watched words, one per line.
	 * @param principal a community manager, or a facilitator of the group
	 * @param groupId a group, or {@link ModerationSettings#COMMUNITY}
	 * @param lines the terms
	 * @param action what a match does
	 * @return how many terms the list holds now
	 * @throws Refused for a bad term or a list over the limit; nothing is stored then
	 */
	@Transactional
	public int addWords(KinshipPrincipal principal, long groupId, String lines, WatchAction action) {
		checked(principal, groupId);
		try {
			int size = this.words.add(principal.issuer(), groupId, lines, action, principal.fhirUser());
			this.log.record(new ModerationLog.Entry(principal.issuer(), scope(groupId), principal.fhirUser(),
					"WATCH_" + action.name(), null, null, lines.lines().count() + " term(s)"));
			return size;
		}
		catch (InvalidTerms invalid) {
			throw new Refused(invalid.key(), invalid.args().toArray());
		}
	}

	/**
	 * Removes a watched word.
	 * @param principal a community manager, or a facilitator of the group
	 * @param groupId a group, or {@link ModerationSettings#COMMUNITY}
	 * @param termId the term
	 */
	@Transactional
	public void removeWord(KinshipPrincipal principal, long groupId, long termId) {
		checked(principal, groupId);
		if (this.words.remove(principal.issuer(), groupId, termId)) {
			this.log.record(new ModerationLog.Entry(principal.issuer(), scope(groupId), principal.fhirUser(), "UNWATCH",
					null, null, "term " + termId));
		}
	}

	private static @Nullable Long scope(long groupId) {
		return (groupId == ModerationSettings.COMMUNITY) ? null : groupId;
	}

	/**
	 * What a scope sets and what is in force there.
	 * @param principal a community manager, or a facilitator of the group
	 * @param groupId a group, or {@link ModerationSettings#COMMUNITY}
	 * @return the scope's view
	 * @throws Refused when the person may not change that scope
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
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
	 * A scope's watched words.
	 *
	 * @param group the group, or {@code null} for the whole community
	 * @param terms the terms
	 */
	public record Words(@Nullable Group group, java.util.List<WatchedWords.Watched> terms) {
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
