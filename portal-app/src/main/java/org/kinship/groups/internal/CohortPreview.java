package org.kinship.groups.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Coding;
import org.kinship.groups.Audience;
import org.kinship.groups.CodeSet;
import org.kinship.groups.CohortCount;
import org.kinship.groups.CohortCount.How;
import org.kinship.launch.BackendFhirClients;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Who of Kinship's known members a code set reaches today. The cohort is found with
 * searches by code across patients ({@link CohortSearch}, paged) and intersected with the
 * known members in memory; where the EHR refuses such a search (or the search is turned
 * off) each known member's record is read instead, one request per member, and the result
 * says so. ICD-10-CM prefixes cannot be searched for by code: for them the members not
 * already found are read one by one. Nothing is stored; only members leave this class.
 */
@Component
public class CohortPreview {

	private final KnownPatients known;

	private final BackendFhirClients backend;

	private final IssuerRegistry issuers;

	private final GroupsProperties properties;

	private final AsyncTaskExecutor reads;

	CohortPreview(KnownPatients known, BackendFhirClients backend, IssuerRegistry issuers, GroupsProperties properties,
			@Qualifier(GroupsExecutors.COHORT_READS) AsyncTaskExecutor reads) {
		this.known = known;
		this.backend = backend;
		this.issuers = issuers;
		this.properties = properties;
		this.reads = reads;
	}

	/**
	 * Counts the members a code set matches.
	 * @param issuerKey the EHR's registration key
	 * @param codes the code set
	 * @param audience who the group is for: patients count through their own record,
	 * caregivers through the record of the person they care for
	 * @return the count and how it was found; the count is empty when the EHR offers
	 * Kinship no backend access or cannot be reached
	 */
	public CohortCount count(String issuerKey, CodeSet codes, Audience audience) {
		try {
			Resolution resolution = resolve(issuerKey, codes, Set.of(), audience, this.properties.previewLimit(),
					Duration.ofMinutes(1));
			return new CohortCount(OptionalInt.of(resolution.members().size()), resolution.how());
		}
		catch (IllegalStateException ex) {
			// any failure to reach the EHR means no figure, never a wrong one
			return new CohortCount(OptionalInt.empty(), null);
		}
	}

	/**
	 * The known members whose record (for a caregiver, the cared-for person's) holds an
	 * active condition of a code set and, when RxNorm codes are given, a current order of
	 * one of them. All or nothing: when any search or record cannot be read in time, no
	 * list.
	 * @param issuerKey the EHR's registration key
	 * @param codes the code set
	 * @param rxnorm RxNorm codes, empty for no medication criterion
	 * @param audience who counts: patients, caregivers or both
	 * @param limit at most this many known members are looked at, most recently active
	 * first
	 * @param timeout how long the searches and reads may take together
	 * @return the matching members
	 * @throws IllegalStateException when the EHR offers no backend access, fails, or does
	 * not answer in time
	 */
	public List<KnownPatients.Known> matching(String issuerKey, CodeSet codes, Set<String> rxnorm, Audience audience,
			int limit, Duration timeout) {
		return resolve(issuerKey, codes, rxnorm, audience, limit, timeout).members();
	}

	/**
	 * As {@link #matching}, with how the cohort was found and what it cost.
	 * @param issuerKey the EHR's registration key
	 * @param codes the code set
	 * @param rxnorm RxNorm codes, empty for no medication criterion
	 * @param audience who counts
	 * @param limit at most this many known members are looked at
	 * @param timeout how long it may take in all
	 * @return the members, the way and the requests
	 * @throws IllegalStateException when the EHR offers no backend access, fails, or does
	 * not answer in time
	 */
	public Resolution resolve(String issuerKey, CodeSet codes, Set<String> rxnorm, Audience audience, int limit,
			Duration timeout) {
		return resolve(issuerKey, codes, rxnorm, audience, limit, timeout, this.properties.cohortSearch());
	}

	/**
	 * As {@link #resolve}, always reading each member's record: the way an EHR that
	 * refuses the search is asked, here to compare the two ways (tests, benchmarks).
	 * @param issuerKey the EHR's registration key
	 * @param codes the code set
	 * @param rxnorm RxNorm codes, empty for no medication criterion
	 * @param audience who counts
	 * @param limit at most this many known members are looked at
	 * @param timeout how long it may take in all
	 * @return the members, found with {@link How#READS}
	 * @throws IllegalStateException when the EHR offers no backend access, fails, or does
	 * not answer in time
	 */
	public Resolution resolveByReads(String issuerKey, CodeSet codes, Set<String> rxnorm, Audience audience, int limit,
			Duration timeout) {
		return resolve(issuerKey, codes, rxnorm, audience, limit, timeout, false);
	}

	private Resolution resolve(String issuerKey, CodeSet codes, Set<String> rxnorm, Audience audience, int limit,
			Duration timeout, boolean bySearch) {
		var issuer = this.issuers.findByKey(issuerKey).orElseThrow();
		if (issuer.settings().backendClientId() == null) {
			throw new IllegalStateException("No backend access at " + issuerKey);
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			IGenericClient client = this.backend.forIssuer(issuerKey);
			List<KnownPatients.Known> members = this.known.at(issuer.fhirBaseUrl(), limit)
				.stream()
				.filter((member) -> audience.admits(roleOf(member.fhirUser())))
				.toList();
			if (bySearch) {
				Set<String> patients = members.stream()
					.map(KnownPatients.Known::patientId)
					.collect(java.util.stream.Collectors.toCollection(HashSet::new));
				CohortSearch search = new CohortSearch(client, this.properties.searchPageSize(),
						this.properties.searchMaxPages(), deadline, patients);
				try {
					return bySearch(client, search, members, codes, rxnorm, deadline);
				}
				catch (CohortSearch.SearchRefused ex) {
					List<KnownPatients.Known> found = readEach(client, members,
							(patient) -> matches(client, patient, codes)
									&& (rxnorm.isEmpty() || takes(client, patient, rxnorm)),
							deadline);
					return new Resolution(found, How.READS_SEARCH_REFUSED, search.requests(), members.size());
				}
			}
			List<KnownPatients.Known> found = readEach(client, members, (patient) -> matches(client, patient, codes)
					&& (rxnorm.isEmpty() || takes(client, patient, rxnorm)), deadline);
			return new Resolution(found, How.READS, 0, members.size());
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new IllegalStateException("Cohort look-up failed: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Cohort look-up interrupted");
		}
	}

	private Resolution bySearch(IGenericClient client, CohortSearch search, List<KnownPatients.Known> members,
			CodeSet codes, Set<String> rxnorm, long deadline)
			throws ExecutionException, TimeoutException, InterruptedException {
		Set<String> withCondition = codes.exactCodes().isEmpty() ? Set.of() : search.withCondition(codes);
		Set<String> withMedication = rxnorm.isEmpty() ? null : search.withMedication(rxnorm);
		List<KnownPatients.Known> candidates = members.stream()
			.filter((member) -> withMedication == null || withMedication.contains(member.patientId()))
			.toList();
		if (!codes.hasPrefixes()) {
			List<KnownPatients.Known> found = candidates.stream()
				.filter((member) -> withCondition.contains(member.patientId()))
				.toList();
			return new Resolution(found, How.SEARCH, search.requests(), 0);
		}
		// a prefix is no token: the members the exact codes did not find are read one by
		// one
		List<KnownPatients.Known> unread = candidates.stream()
			.filter((member) -> !withCondition.contains(member.patientId()))
			.toList();
		Set<KnownPatients.Known> byReads = new HashSet<>(
				readEach(client, unread, (patient) -> matches(client, patient, codes), deadline));
		List<KnownPatients.Known> found = candidates.stream()
			.filter((member) -> withCondition.contains(member.patientId()) || byReads.contains(member))
			.toList();
		return new Resolution(found, How.SEARCH_AND_READS, search.requests(), unread.size());
	}

	/**
	 * The members whose patient passes a test, each tested by reads of its own record,
	 * several at a time; all by the deadline or none.
	 */
	private List<KnownPatients.Known> readEach(IGenericClient client, List<KnownPatients.Known> members,
			Predicate<String> test, long deadline) throws ExecutionException, TimeoutException, InterruptedException {
		List<Future<Boolean>> matches = new ArrayList<>();
		try {
			for (KnownPatients.Known member : members) {
				matches.add(this.reads.submit(() -> test.test(member.patientId())));
			}
			List<KnownPatients.Known> found = new ArrayList<>();
			for (int i = 0; i < matches.size(); i++) {
				if (matches.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					found.add(members.get(i));
				}
			}
			return found;
		}
		finally {
			matches.forEach((match) -> match.cancel(true));
		}
	}

	private static boolean takes(IGenericClient client, String patientId, Set<String> rxnorm) {
		return RecordMedications.currentCodings(client, patientId)
			.stream()
			.anyMatch((coding) -> RecordMedications.RXNORM.equals(coding.getSystem()) && coding.hasCode()
					&& rxnorm.contains(coding.getCode().trim()));
	}

	private static boolean matches(IGenericClient client, String patientId, CodeSet codes) {
		for (Coding coding : RecordConditions.activeCodings(client, patientId)) {
			if (coding.hasSystem() && coding.hasCode() && codes.matches(coding.getSystem(), coding.getCode())) {
				return true;
			}
		}
		return false;
	}

	private static KinshipRole roleOf(String fhirUser) {
		return fhirUser.startsWith("RelatedPerson/") ? KinshipRole.CAREGIVER : KinshipRole.PATIENT;
	}

	/**
	 * A resolved cohort.
	 *
	 * @param members the members found
	 * @param how how they were found
	 * @param searchRequests search requests made, pages included
	 * @param memberReads members whose own record was read
	 */
	public record Resolution(List<KnownPatients.Known> members, How how, int searchRequests, int memberReads) {
	}

}
