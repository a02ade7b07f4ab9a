package org.kinship.moderation.internal;

import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ModerationSettings.Settings;
import org.kinship.moderation.ScreeningPolicy;
import org.kinship.moderation.WatchedWords;

import org.springframework.stereotype.Component;

/**
 * Screening's rules from the community's and the group's settings and watched words, as
 * community managers and facilitators keep them.
 */
@Component
class DatabaseScreeningRules implements ScreeningRules {

	private final ModerationSettings settings;

	private final WatchedWords words;

	DatabaseScreeningRules(ModerationSettings settings, WatchedWords words) {
		this.settings = settings;
		this.words = words;
	}

	@Override
	public Rules rulesFor(String issuer, long groupId) {
		Settings inForce = this.settings.inForce(issuer, groupId);
		return new Rules(new ScreeningPolicy(inForce.newMemberPosts(), inForce.holdCrisis()),
				this.words.compiled(issuer, ModerationSettings.COMMUNITY), this.words.compiled(issuer, groupId));
	}

}
