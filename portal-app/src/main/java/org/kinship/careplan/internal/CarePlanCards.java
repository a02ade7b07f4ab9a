package org.kinship.careplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Active care plans of the patient in context, each with its activities. A plan about
 * another patient is dropped and noted; a plan that is not active is left out even when
 * the EHR ignored the status asked for.
 */
final class CarePlanCards {

	static final Set<String> STATUSES = Set.of("not-started", "scheduled", "in-progress", "on-hold", "completed",
			"cancelled", "stopped", "unknown");

	/** Activities that are not, or no longer, part of the plan. */
	private static final Set<String> LEFT_OUT = Set.of("cancelled", "entered-in-error");

	private CarePlanCards() {
	}

	static List<CarePlanCard> map(List<Resource> resources, MappingContext context) {
		return resources.stream()
			.filter(CarePlan.class::isInstance)
			.map(CarePlan.class::cast)
			.filter((plan) -> context.owns(plan, List.of(plan.getSubject())))
			.filter((plan) -> plan.getStatus() == CarePlan.CarePlanStatus.ACTIVE)
			.map(CarePlanCards::card)
			.toList();
	}

	private static CarePlanCard card(CarePlan plan) {
		String id = plan.getIdElement().getIdPart();
		String title = title(plan);
		Concerns concerns = Reasons.of(List.of(), plan.getAddresses());
		List<ActivityCard> activities = new ArrayList<>();
		for (int n = 0; n < plan.getActivity().size(); n++) {
			ActivityCard activity = activity(id + "~" + n, plan.getActivity().get(n), title, concerns);
			if (activity != null) {
				activities.add(activity);
			}
		}
		return new CarePlanCard(id, title, PlainText.date(plan.getPeriod().getStartElement()), activities,
				Reasons.ids(plan.getGoal(), "Goal"), concerns);
	}

	private static @Nullable String title(CarePlan plan) {
		String title = PlainText.clean(plan.getTitle());
		if (title != null) {
			return title;
		}
		return plan.getCategory()
			.stream()
			// US Core's category says only that this is a plan
			.filter((category) -> category.getCoding()
				.stream()
				.noneMatch((coding) -> "assess-plan".equals(coding.getCode())))
			.map(PlainText::of)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseGet(() -> PlainText.clean(plan.getDescription()));
	}

	private static @Nullable ActivityCard activity(String key, CarePlanActivityComponent activity,
			@Nullable String planTitle, Concerns planConcerns) {
		CarePlanActivityDetailComponent detail = activity.getDetail();
		String status = detail.hasStatus() ? detail.getStatus().toCode() : "unknown";
		if (LEFT_OUT.contains(status) || (activity.getDetail().isEmpty() && !activity.hasReference())) {
			return null;
		}
		String coded = PlainText.of(detail.getCode());
		String description = PlainText.clean(detail.getDescription());
		String title = (coded != null) ? coded
				: (description != null) ? description : PlainText.clean(activity.getReference().getDisplay());
		Concerns concerns = Reasons.of(detail.getReasonCode(), detail.getReasonReference()).and(planConcerns);
		return new ActivityCard(key, title, STATUSES.contains(status) ? status : "unknown",
				Schedules.of(detail.getScheduled()), (coded != null) ? description : null, planTitle, concerns);
	}

}
