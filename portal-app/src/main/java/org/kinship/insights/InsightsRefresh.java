package org.kinship.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.checkins.CheckinStats;
import org.kinship.groups.Cohorts;
import org.kinship.groups.Cohorts.CohortMember;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.insights.internal.InsightStore;
import org.kinship.insights.internal.InsightStore.Contributor;
import org.kinship.insights.internal.InsightsProperties;
import org.kinship.insights.internal.RefreshWork;
import org.kinship.launch.IssuerRegistry;

import org.springframework.stereotype.Component;

/**
 * Computes every group's insights from stored contributions and stores them, as the
 * scheduled job does once a {@code kinship.insights.refresh-interval}; contributors'
 * medicines are read again first where they are older than that. Never called for a page.
 */
@Component
public class InsightsRefresh {

	private final IssuerRegistry issuers;

	private final GroupDirectory groups;

	private final Cohorts cohorts;

	private final CheckinStats checkins;

	private final InsightStore store;

	private final RefreshWork work;

	private final InsightsProperties properties;

	private final Clock clock;

	InsightsRefresh(IssuerRegistry issuers, GroupDirectory groups, Cohorts cohorts, CheckinStats checkins,
			InsightStore store, RefreshWork work, InsightsProperties properties, Clock clock) {
		this.issuers = issuers;
		this.groups = groups;
		this.cohorts = cohorts;
		this.checkins = checkins;
		this.store = store;
		this.work = work;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Reads contributors' medicines where due, then recomputes every group.
	 * @return how many groups were computed
	 */
	public int refreshAll() {
		int groups = 0;
		for (var issuer : this.issuers.all()) {
			this.work.readMedicines(issuer.fhirBaseUrl(), this.properties.refreshInterval());
			groups += recompute(issuer.fhirBaseUrl());
		}
		return groups;
	}

	/**
	 * Recomputes every group of a health system from what is stored, reading nothing from
	 * the EHR.
	 * @param issuer the health system
	 * @return how many groups were computed
	 */
	public int recompute(String issuer) {
		Map<String, Contributor> contributors = this.store.contributors(issuer);
		Map<String, Set<String>> takers = this.store.takers(issuer);
		List<Group> all = this.groups.all(issuer);
		for (Group group : all) {
			recompute(group, contributors, takers);
		}
		return all.size();
	}

	private void recompute(Group group, Map<String, Contributor> contributors, Map<String, Set<String>> takers) {
		Instant now = this.clock.instant();
		Set<String> members = new HashSet<>();
		this.cohorts.membersOf(group.issuer(), List.of(group.id()))
			.stream()
			.map(CohortMember::fhirUser)
			.forEach(members::add);
		Set<String> contributing = new HashSet<>(members);
		contributing.retainAll(contributors.keySet());
		Duration span = Duration.ofDays((long) this.properties.periodDays() * this.properties.periods());
		List<String> plan = List.copyOf(this.checkins.plan(group.id()).keySet());
		List<CheckinStats.Answered> answers = plan.isEmpty() ? List.of()
				: this.checkins.answers(group.id(), contributing, now.minus(span));
		this.work.store(group.id(), members, contributing, takers, plan, answers, now);
	}

}
