package org.kinship.groups;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.internal.CohortPreview;
import org.kinship.groups.internal.MembershipStore;

import org.springframework.stereotype.Component;

/**
 * Who an audience reaches at a health system: the active members of some groups, or the
 * members whose own record (for a caregiver, the cared-for person's) defines a cohort.
 * Records are read with the backend-services client and matched inside Kinship, as the
 * cohort preview of a group does; only the members leave this class, never their codes.
 */
@Component
public class Cohorts {

	private final MembershipStore memberships;

	private final CohortPreview records;

	Cohorts(MembershipStore memberships, CohortPreview records) {
		this.memberships = memberships;
		this.records = records;
	}

	/**
	 * The active members of groups, each once.
	 * @param issuer the health system's FHIR base URL; groups of another are ignored
	 * @param groupIds the groups
	 * @return the members, by {@code fhirUser}
	 */
	public List<CohortMember> membersOf(String issuer, Collection<Long> groupIds) {
		return this.memberships.activeIn(issuer, groupIds)
			.stream()
			.map((row) -> new CohortMember(row[0], row[1]))
			.toList();
	}

	/**
	 * The members whose record holds an active condition of a code set and, when RxNorm
	 * codes are given, a current medication order of one of them.
	 * @param issuerKey the EHR's registration key
	 * @param conditions the condition codes
	 * @param rxnorm RxNorm codes, empty for no medication criterion
	 * @param limit how many known members are looked at, at most
	 * @param timeout how long the look-up may take in all
	 * @return the members
	 * @throws CohortUnavailable when the EHR offers no backend access, fails or is too
	 * slow: then no partial list is given
	 */
	public List<CohortMember> matching(String issuerKey, CodeSet conditions, Set<String> rxnorm, int limit,
			Duration timeout) {
		try {
			return this.records.matching(issuerKey, conditions, rxnorm, Audience.EVERYONE, limit, timeout)
				.stream()
				.map((known) -> new CohortMember(known.fhirUser(), known.patientId()))
				.toList();
		}
		catch (IllegalStateException ex) {
			throw new CohortUnavailable(ex.getMessage());
		}
	}

	/**
	 * A member an audience reaches.
	 *
	 * @param fhirUser the member, as {@code Patient/123} or {@code RelatedPerson/9}
	 * @param patientId the patient whose record counts for them, or {@code null} when
	 * Kinship does not know it
	 */
	public record CohortMember(String fhirUser, @Nullable String patientId) {
	}

	/**
	 * The EHR could not tell who is in a cohort: no backend access, an error, or no
	 * answer in time.
	 */
	public static class CohortUnavailable extends RuntimeException {

		/**
		 * @param why a short reason, without health data
		 */
		public CohortUnavailable(String why) {
			super(why);
		}

	}

}
