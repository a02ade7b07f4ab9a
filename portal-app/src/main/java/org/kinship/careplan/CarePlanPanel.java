package org.kinship.careplan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.careplan.PartView.Item;
import org.kinship.careplan.internal.ActivityCard;
import org.kinship.careplan.internal.AppointmentCard;
import org.kinship.careplan.internal.CarePlanRecord;
import org.kinship.careplan.internal.Concerns;
import org.kinship.careplan.internal.CareTeamMember;
import org.kinship.careplan.internal.ConditionCard;
import org.kinship.careplan.internal.GoalCard;
import org.kinship.careplan.internal.MedicationCard;
import org.kinship.careplan.internal.Part;
import org.kinship.careplan.internal.SectionStatus;
import org.kinship.groups.Group;
import org.kinship.launch.KinshipRole;

/**
 * The care-plan panel of one group's page: the record read for the viewer's session, put
 * in order for this group (what concerns the group's condition first) and cut into what
 * is shown at first and what is folded away. Templates see only Kinship's own records.
 *
 * @param groupSlug the group, for the panel's links
 * @param viewer whose eyes: a patient, a caregiver, or a clinician in a patient's chart
 * @param patientName the patient's name for caregivers and clinicians, or {@code null}
 * @param mayShare whether the viewer may share a goal or activity with the group
 * @param readAt when the record was read
 * @param accessEnded whether the EHR no longer accepts the session
 * @param trouble the first of slow, unavailable or unreadable among the parts, or
 * {@code null}
 * @param activities care-plan activities
 * @param goals goals
 * @param medications medicines
 * @param conditions the patient's conditions that the group is for
 * @param careTeam the care team
 * @param appointments upcoming appointments
 */
public record CarePlanPanel(String groupSlug, KinshipRole viewer, @Nullable String patientName, boolean mayShare,
		Instant readAt, boolean accessEnded, @Nullable SectionStatus trouble, PartView<ActivityCard> activities,
		PartView<GoalCard> goals, PartView<MedicationCard> medications, PartView<ConditionCard> conditions,
		PartView<CareTeamMember> careTeam, PartView<AppointmentCard> appointments) {

	private static final List<String> ACTIVITY_ORDER = List.of("in-progress", "scheduled", "not-started", "on-hold",
			"unknown", "completed", "stopped");

	static CarePlanPanel of(Group group, KinshipRole viewer, CarePlanRecord record, boolean mayShare, int cardsShown) {
		GroupLens lens = GroupLens.of(group.codes(), record);
		return new CarePlanPanel(group.slug(), viewer, record.patientName(), mayShare, record.readAt(),
				record.accessEnded(), trouble(record),
				PartView.of(Part.PLANS, record.plans(), activities(record, lens), cardsShown),
				PartView.of(Part.GOALS, record.goals(), goals(record, lens), cardsShown),
				PartView.of(Part.MEDICATIONS, record.medications(),
						concerningFirst(record.medications().items(), (card) -> lens.concerns(card.concerns()),
								(a, b) -> 0),
						cardsShown),
				PartView.of(Part.CONDITIONS, record.conditions(), conditions(record, lens), cardsShown),
				PartView.of(Part.CARE_TEAM, record.careTeam(), plain(record.careTeam().items()), cardsShown), PartView
					.of(Part.APPOINTMENTS, record.appointments(), plain(record.appointments().items()), cardsShown));
	}

	/** Every activity of every plan; those under way before those done. */
	private static List<Item<ActivityCard>> activities(CarePlanRecord record, GroupLens lens) {
		return concerningFirst(record.plans().items().stream().flatMap((plan) -> plan.activities().stream()).toList(),
				(activity) -> lens.concerns(activity.concerns()),
				Comparator.comparingInt((ActivityCard activity) -> rank(activity.status())));
	}

	/**
	 * Goals; a goal concerns the group by its own reasons or through a plan that does.
	 */
	private static List<Item<GoalCard>> goals(CarePlanRecord record, GroupLens lens) {
		Set<String> groupPlanGoals = record.plans()
			.items()
			.stream()
			.filter((plan) -> lens.concerns(plan.concerns()))
			.flatMap((plan) -> plan.goalIds().stream())
			.collect(Collectors.toSet());
		return concerningFirst(record.goals().items(), (goal) -> goal.concerns().equals(Concerns.NONE)
				? groupPlanGoals.contains(goal.id()) : lens.concerns(goal.concerns()), (a, b) -> 0);
	}

	/** Only the conditions the group is for. */
	private static List<Item<ConditionCard>> conditions(CarePlanRecord record, GroupLens lens) {
		return record.conditions()
			.items()
			.stream()
			.filter((condition) -> condition.codes().stream().anyMatch(lens::inGroup))
			.map((condition) -> new Item<>(condition, true))
			.toList();
	}

	private static <T> List<Item<T>> concerningFirst(List<T> cards, Predicate<T> concernsGroup, Comparator<T> thenBy) {
		List<Item<T>> items = new ArrayList<>();
		cards.forEach((card) -> items.add(new Item<>(card, concernsGroup.test(card))));
		items.sort(Comparator.comparing((Item<T> item) -> !item.concernsGroup()).thenComparing(Item::card, thenBy));
		return items;
	}

	private static <T> List<Item<T>> plain(List<T> cards) {
		return cards.stream().map((card) -> new Item<>(card, false)).toList();
	}

	private static int rank(String status) {
		int rank = ACTIVITY_ORDER.indexOf(status);
		return (rank < 0) ? ACTIVITY_ORDER.size() : rank;
	}

	private static @Nullable SectionStatus trouble(CarePlanRecord record) {
		List<SectionStatus> statuses = record.statuses();
		for (SectionStatus status : List.of(SectionStatus.SLOW, SectionStatus.UNAVAILABLE, SectionStatus.UNREADABLE)) {
			if (statuses.contains(status)) {
				return status;
			}
		}
		return null;
	}

}
