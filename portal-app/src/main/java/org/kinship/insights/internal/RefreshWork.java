package org.kinship.insights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.checkins.CheckinStats.Answered;
import org.kinship.insights.internal.InsightStore.Contributor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of a refresh: contributors' medicines read again where due (one contributor
 * failing leaves their earlier medicines), and one group's figures computed and stored in
 * one transaction.
 */
@Component
public class RefreshWork {

	private static final Logger logger = LoggerFactory.getLogger(RefreshWork.class);

	private final InsightStore store;

	private final MedicineReads medicines;

	private final InsightsProperties properties;

	private final Clock clock;

	RefreshWork(InsightStore store, MedicineReads medicines, InsightsProperties properties, Clock clock) {
		this.store = store;
		this.medicines = medicines;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Reads the medicines of the health system's contributors whose last read is older
	 * than a time.
	 * @param issuer the health system
	 * @param olderThan how old a read may be
	 */
	public void readMedicines(String issuer, Duration olderThan) {
		Instant now = this.clock.instant();
		int failed = 0;
		for (Contributor contributor : this.store.contributors(issuer).values()) {
			if (contributor.patientId() == null || this.store.medicinesReadAt(issuer, contributor.member())
				.filter((at) -> at.isAfter(now.minus(olderThan)))
				.isPresent()) {
				continue;
			}
			try {
				this.store.replaceMedicines(issuer, contributor.member(),
						this.medicines.ingredients(contributor.issuerKey(), contributor.patientId()), now);
			}
			catch (RuntimeException ex) {
				failed++;
			}
		}
		if (failed > 0) {
			logger.warn("Could not read the medicines of {} contributors; their earlier ones are kept", failed);
		}
	}

	/**
	 * Computes and stores one group's figures.
	 * @param groupId the group
	 * @param members its active members
	 * @param contributors those who contribute
	 * @param takers each ingredient's takers
	 * @param plan its check-ins
	 * @param answers the contributors' answers
	 * @param now the refresh's time
	 */
	@Transactional
	public void store(long groupId, Set<String> members, Set<String> contributors, Map<String, Set<String>> takers,
			List<String> plan, List<Answered> answers, Instant now) {
		long salt = this.store.salt(groupId);
		List<String> lines = GroupFigures
			.compute(new GroupFigures.Inputs(salt, members, contributors, takers, plan, answers, now), this.properties);
		this.store.saveSnapshot(groupId, now, lines);
	}

}
