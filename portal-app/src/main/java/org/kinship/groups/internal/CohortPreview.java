package org.kinship.groups.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Coding;
import org.kinship.groups.Audience;
import org.kinship.groups.CodeSet;
import org.kinship.launch.BackendFhirClients;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * How many Kinship members a code set would reach today: each known member's record is
 * read with a backend-services token and matched inside Kinship. Nothing is stored; only
 * the count leaves this class.
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
	 * @return the count, or empty when the EHR offers Kinship no backend access or cannot
	 * be reached
	 */
	public OptionalInt count(String issuerKey, CodeSet codes, Audience audience) {
		try {
			return OptionalInt.of(matching(issuerKey, codes, java.util.Set.of(), audience,
					this.properties.previewLimit(), java.time.Duration.ofMinutes(1))
				.size());
		}
		catch (IllegalStateException ex) {
			// any failure to reach the EHR means no figure, never a wrong one
			return OptionalInt.empty();
		}
	}

	/**
	 * The known members whose record (for a caregiver, the cared-for person's) holds an
	 * active condition of a code set and, when RxNorm codes are given, a current order of
	 * one of them. All or nothing: when any record cannot be read in time, no list.
	 * @param issuerKey the EHR's registration key
	 * @param codes the code set
	 * @param rxnorm RxNorm codes, empty for no medication criterion
	 * @param audience who counts: patients, caregivers or both
	 * @param limit at most this many known members are looked at, most recently active
	 * first
	 * @param timeout how long all the reads may take together
	 * @return the matching members
	 * @throws IllegalStateException when the EHR offers no backend access, fails, or does
	 * not answer in time
	 */
	public List<KnownPatients.Known> matching(String issuerKey, CodeSet codes, java.util.Set<String> rxnorm,
			Audience audience, int limit, java.time.Duration timeout) {
		var issuer = this.issuers.findByKey(issuerKey).orElseThrow();
		if (issuer.settings().backendClientId() == null) {
			throw new IllegalStateException("No backend access at " + issuerKey);
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Future<Boolean>> matches = new ArrayList<>();
		List<KnownPatients.Known> looked = new ArrayList<>();
		try {
			IGenericClient client = this.backend.forIssuer(issuerKey);
			for (KnownPatients.Known member : this.known.at(issuer.fhirBaseUrl(), limit)) {
				if (audience.admits(roleOf(member.fhirUser()))) {
					looked.add(member);
					matches.add(this.reads.submit(() -> matches(client, member.patientId(), codes)
							&& (rxnorm.isEmpty() || takes(client, member.patientId(), rxnorm))));
				}
			}
			List<KnownPatients.Known> found = new ArrayList<>();
			for (int i = 0; i < matches.size(); i++) {
				if (matches.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					found.add(looked.get(i));
				}
			}
			return found;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			matches.forEach((match) -> match.cancel(true));
			throw new IllegalStateException("Cohort look-up failed: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Cohort look-up interrupted");
		}
	}

	private static boolean takes(IGenericClient client, String patientId, java.util.Set<String> rxnorm) {
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

}
