package org.kinship.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.kinship.escalation.internal.EscalationProperties;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ReviewQueue;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time to first response on urgent escalations, for community managers: the median and
 * the share answered within the target over the last
 * {@code kinship.escalation.response-window}.
 */
@Component
public class FirstResponses {

	private final ReviewQueue queue;

	private final GroupDirectory groups;

	private final ModerationSettings settings;

	private final EscalationProperties properties;

	FirstResponses(ReviewQueue queue, GroupDirectory groups, ModerationSettings settings,
			EscalationProperties properties) {
		this.queue = queue;
		this.groups = groups;
		this.settings = settings;
		this.properties = properties;
	}

	/**
	 * The figures of the person's community.
	 * @param principal a community manager
	 * @return the figures of every group of the community
	 * @throws Refused ({@code review.error.not-yours}) for anyone else
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public ResponseTimes ofCommunity(KinshipPrincipal principal) {
		if (!principal.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw new Refused("review.error.not-yours");
		}
		// the queue's times are the system's, not a clock tests may move
		Instant now = Instant.now();
		Duration window = this.properties.responseWindow();
		Map<Long, Group> groups = this.groups.moderated(principal)
			.stream()
			.collect(Collectors.toMap(Group::id, (group) -> group));
		Map<Long, String> names = groups.values().stream().collect(Collectors.toMap(Group::id, Group::name));
		Map<Long, Duration> targets = groups.keySet()
			.stream()
			.collect(
					Collectors.toMap((id) -> id, (id) -> this.settings.inForce(principal.issuer(), id).responseTime()));
		return ResponseTimes.of(this.queue.escalationsSince(principal.issuer(), now.minus(window)), names, targets,
				window, now);
	}

}
