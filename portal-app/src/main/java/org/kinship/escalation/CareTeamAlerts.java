package org.kinship.escalation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kinship.escalation.internal.AlertStore;
import org.kinship.escalation.internal.AlertWriter;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the care teams of urgent escalations heard of them through the EHR, for the
 * facilitators on each escalation, and a second try of one that failed. Every call checks
 * on the server that the person facilitates the escalation's group or manages the
 * community. Changes are announced with {@link CareTeamAlertChanged}.
 */
@Component
public class CareTeamAlerts {

	private final AlertStore alerts;

	private final AlertWriter writer;

	private final ReviewQueue queue;

	private final GroupDirectory groups;

	CareTeamAlerts(AlertStore alerts, AlertWriter writer, ReviewQueue queue, GroupDirectory groups) {
		this.alerts = alerts;
		this.writer = writer;
		this.queue = queue;
		this.groups = groups;
	}

	/**
	 * The care-team alerts of the escalations among some review items.
	 * @param principal a facilitator or community manager
	 * @param items review items, of the person's health system
	 * @return per escalation in a group the person moderates, by item id, its alert;
	 * {@link CareTeamAlert.Status#OFF} for one that has none. Other items are left out
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Map<Long, CareTeamAlert> of(KinshipPrincipal principal, Collection<Item> items) {
		Set<Long> moderated = this.groups.moderated(principal).stream().map(Group::id).collect(Collectors.toSet());
		List<Long> escalations = items.stream()
			.filter((item) -> item.kind() == Kind.ESCALATED && item.issuer().equals(principal.issuer())
					&& moderated.contains(item.groupId()))
			.map(Item::id)
			.toList();
		Map<Long, CareTeamAlert> stored = this.alerts.find(principal.issuer(), escalations)
			.stream()
			.map(AlertStore.Alert::view)
			.collect(Collectors.toMap(CareTeamAlert::itemId, Function.identity()));
		Map<Long, CareTeamAlert> all = new LinkedHashMap<>();
		escalations.forEach((id) -> all.put(id, stored.getOrDefault(id, CareTeamAlert.off(id))));
		return all;
	}

	/**
	 * Tries a failed alert again, in the background: the escalation shows it pending
	 * until the EHR answers.
	 * @param principal a facilitator of the escalation's group or a community manager
	 * @param itemId the escalation
	 * @throws Refused when the person may not act on it ({@code review.error.not-yours}),
	 * or its alert has not failed ({@code escalation.error.not-failed})
	 */
	public void retry(KinshipPrincipal principal, long itemId) {
		Item item = this.queue.find(principal.issuer(), itemId)
			.filter((found) -> found.kind() == Kind.ESCALATED)
			.orElseThrow(() -> new Refused("review.error.not-yours"));
		if (this.groups.moderated(principal).stream().noneMatch((group) -> group.id() == item.groupId())) {
			throw new Refused("review.error.not-yours");
		}
		if (!this.writer.retry(itemId)) {
			throw new Refused("escalation.error.not-failed");
		}
	}

}
