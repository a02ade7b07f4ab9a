package org.kinship.moderation;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation settings: the configuration's defaults, overridden for a community (scope 0)
 * and then for one group. Read for every message, so one indexed row read per scope.
 */
@Component
public class ModerationSettings {

	/** The scope of a whole community. */
	public static final long COMMUNITY = 0;

	/** How long another node may go on with settings before reading them again. */
	private static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final ModerationProperties defaults;

	private final java.util.Map<String, Cached> inForce = new java.util.concurrent.ConcurrentHashMap<>();

	ModerationSettings(JdbcClient jdbc, ModerationProperties defaults) {
		this.jdbc = jdbc;
		this.defaults = defaults;
	}

	/**
	 * The settings in force in a group, read for every message: from memory, read again
	 * when older than a few seconds or changed on this node.
	 * @param issuer the health system
	 * @param groupId the group
	 * @return the settings
	 */
	public Settings inForce(String issuer, long groupId) {
		java.time.Instant now = java.time.Instant.now();
		return this.inForce.compute(issuer + " " + groupId, (key, cached) -> {
			if (cached != null && cached.readAt().plus(REFRESH).isAfter(now)) {
				return cached;
			}
			return new Cached(read(issuer, groupId), now);
		}).settings();
	}

	private Settings read(String issuer, long groupId) {
		Overrides community = overrides(issuer, COMMUNITY).orElse(Overrides.NONE);
		Overrides group = (groupId == COMMUNITY) ? Overrides.NONE : overrides(issuer, groupId).orElse(Overrides.NONE);
		return new Settings(pick(group.newMemberPosts(), community.newMemberPosts(), this.defaults.newMemberPosts()),
				pick(group.holdCrisis(), community.holdCrisis(), this.defaults.holdCrisis()),
				pick(group.flagsToHide(), community.flagsToHide(), this.defaults.flagsToHide()),
				Duration.ofMinutes(pick(group.responseMinutes(), community.responseMinutes(),
						(int) this.defaults.responseTime().toMinutes())));
	}

	/**
	 * What a scope sets itself, {@code null} where it takes the wider value.
	 * @param issuer the health system
	 * @param scopeId a group, or {@link #COMMUNITY}
	 * @return the overrides
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Overrides own(String issuer, long scopeId) {
		return overrides(issuer, scopeId).orElse(Overrides.NONE);
	}

	/**
	 * Replaces what a scope sets.
	 * @param issuer the health system
	 * @param scopeId a group, or {@link #COMMUNITY}
	 * @param overrides the new values
	 */
	@Transactional
	public void save(String issuer, long scopeId, Overrides overrides) {
		this.jdbc.sql("DELETE FROM moderation_setting WHERE issuer = ? AND scope_id = ?")
			.params(issuer, scopeId)
			.update();
		this.jdbc
			.sql("INSERT INTO moderation_setting (issuer, scope_id, new_member_posts, hold_crisis, flags_to_hide, "
					+ "response_minutes) VALUES (?, ?, ?, ?, ?, ?)")
			.params(issuer, scopeId, overrides.newMemberPosts(), overrides.holdCrisis(), overrides.flagsToHide(),
					overrides.responseMinutes())
			.update();
		// a community's change reaches every group of it
		this.inForce.keySet().removeIf((key) -> key.startsWith(issuer + " "));
	}

	/**
	 * The configuration's defaults.
	 * @return the defaults
	 */
	public ModerationProperties defaults() {
		return this.defaults;
	}

	private Optional<Overrides> overrides(String issuer, long scopeId) {
		return this.jdbc
			.sql("SELECT new_member_posts, hold_crisis, flags_to_hide, response_minutes FROM moderation_setting "
					+ "WHERE issuer = ? AND scope_id = ?")
			.params(issuer, scopeId)
			.query((rs, row) -> new Overrides(rs.getObject(1, Integer.class), rs.getObject(2, Boolean.class),
					rs.getObject(3, Integer.class), rs.getObject(4, Integer.class)))
			.optional();
	}

	private static <T> T pick(@Nullable T group, @Nullable T community, T fallback) {
		return (group != null) ? group : (community != null) ? community : fallback;
	}

	private record Cached(Settings settings, java.time.Instant readAt) {
	}

	/**
	 * The settings in force in a group.
	 *
	 * @param newMemberPosts how many first posts of a new member go to review
	 * @param holdCrisis whether crisis messages are held instead of posted
	 * @param flagsToHide how many flags hide a message until reviewed
	 * @param responseTime the response-time target of urgent escalations
	 */
	public record Settings(int newMemberPosts, boolean holdCrisis, int flagsToHide, Duration responseTime) {
	}

	/**
	 * What one scope sets; {@code null} takes the wider value.
	 *
	 * @param newMemberPosts how many first posts go to review (0 to 100)
	 * @param holdCrisis hold crisis messages
	 * @param flagsToHide flags that hide a message (1 to 100)
	 * @param responseMinutes response-time target in minutes (1 to 1440)
	 */
	public record Overrides(@Nullable Integer newMemberPosts, @Nullable Boolean holdCrisis,
			@Nullable Integer flagsToHide, @Nullable Integer responseMinutes) {

		static final Overrides NONE = new Overrides(null, null, null, null);

	}

}
