package org.kinship.groups.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.kinship.groups.CodeSet;

/**
 * A cohort found with searches by code across patients, with a backend-services token:
 * {@code Condition?code=...&clinical-status=...} and
 * {@code MedicationRequest?code=...&status=active}, asking only for the elements that
 * matter ({@code _elements}), a page size of Kinship's ({@code _count}), following the
 * {@code next} links up to a ceiling of pages. Each resource is checked again inside
 * Kinship (its code, its status, its subject), so a server that ignores a parameter
 * cannot widen the cohort. Only the ids of patients Kinship knows are kept, so that the
 * memory a search holds grows with Kinship's members, not with the EHR's population; only
 * they leave this class.
 */
final class CohortSearch {

	/** Answers meaning "this server does not offer that search", not "it failed". */
	private static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 405, 422, 501);

	/** Codes per request, so that no URL grows past what servers take. */
	private static final int CODES_PER_REQUEST = 40;

	private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");

	private static final Set<String> NOT_TRUE = Set.of("refuted", "entered-in-error");

	private final IGenericClient client;

	private final int pageSize;

	private final int maxPages;

	private final long deadline;

	private final Set<String> known;

	private int requests;

	/**
	 * @param client a backend-services client
	 * @param pageSize the {@code _count} asked for
	 * @param maxPages pages read at most over all searches; more means the cohort is too
	 * large to resolve this way
	 * @param deadline {@link System#nanoTime()} by which all pages must be in
	 * @param known the patients Kinship knows: only they are kept
	 */
	CohortSearch(IGenericClient client, int pageSize, int maxPages, long deadline, Set<String> known) {
		this.known = known;
		this.client = client;
		this.pageSize = pageSize;
		this.maxPages = maxPages;
		this.deadline = deadline;
	}

	/**
	 * The patients with an active, not refuted condition of one of the set's exact codes.
	 * ICD-10-CM prefixes are not searched for: no token search expresses them.
	 * @param codes the code set
	 * @return the ids of those Kinship knows
	 * @throws SearchRefused when the EHR refuses the search
	 */
	Set<String> withCondition(CodeSet codes) {
		Set<String> patients = new HashSet<>();
		for (List<String[]> chunk : chunks(codes.exactCodes())) {
			Coding[] codings = chunk.stream().map((code) -> new Coding(code[0], code[1], null)).toArray(Coding[]::new);
			IQuery<Bundle> query = this.client.search()
				.forResource(Condition.class)
				.where(Condition.CODE.exactly().codings(codings))
				.and(Condition.CLINICAL_STATUS.exactly().codes(ACTIVE.stream().sorted().toList()))
				.elementsSubset("subject", "code", "clinicalStatus", "verificationStatus")
				.count(this.pageSize)
				.returnBundle(Bundle.class);
			collect(query,
					(resource) -> resource instanceof Condition condition && isActive(condition)
							&& condition.getCode()
								.getCoding()
								.stream()
								.anyMatch((coding) -> coding.hasSystem() && coding.hasCode()
										&& codes.matches(coding.getSystem(), coding.getCode())),
					patients);
		}
		return patients;
	}

	/**
	 * The patients with an active medication order of one of some RxNorm codes.
	 * @param rxnorm the codes
	 * @return the ids of those Kinship knows
	 * @throws SearchRefused when the EHR refuses the search
	 */
	Set<String> withMedication(Set<String> rxnorm) {
		Set<String> patients = new HashSet<>();
		for (List<String> chunk : chunks(rxnorm.stream().sorted().toList())) {
			IQuery<Bundle> query = this.client.search()
				.forResource(MedicationRequest.class)
				.where(MedicationRequest.CODE.exactly().systemAndValues(RecordMedications.RXNORM, chunk))
				.and(MedicationRequest.STATUS.exactly().code("active"))
				.elementsSubset("subject", "medication", "status")
				.count(this.pageSize)
				.returnBundle(Bundle.class);
			collect(query,
					(resource) -> resource instanceof MedicationRequest request
							&& request.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE
							&& request.hasMedicationCodeableConcept()
							&& request.getMedicationCodeableConcept()
								.getCoding()
								.stream()
								.anyMatch((coding) -> RecordMedications.RXNORM.equals(coding.getSystem())
										&& coding.hasCode() && rxnorm.contains(coding.getCode().trim())),
					patients);
		}
		return patients;
	}

	/**
	 * Requests made so far, pages included.
	 * @return the count
	 */
	int requests() {
		return this.requests;
	}

	private void collect(IQuery<Bundle> query, Predicate<IBaseResource> wanted, Set<String> patients) {
		try {
			Bundle page = next(query::execute);
			while (page != null) {
				for (Bundle.BundleEntryComponent entry : page.getEntry()) {
					IBaseResource resource = entry.getResource();
					if (resource != null && wanted.test(resource)) {
						String patient = patientOf(resource);
						if (patient != null && this.known.contains(patient)) {
							patients.add(patient);
						}
					}
				}
				Bundle current = page;
				page = (current.getLink(Bundle.LINK_NEXT) != null)
						? next(() -> this.client.loadPage().next(current).execute()) : null;
			}
		}
		catch (BaseServerResponseException ex) {
			if (REFUSALS.contains(ex.getStatusCode())) {
				throw new SearchRefused(ex.getStatusCode());
			}
			throw ex;
		}
	}

	private Bundle next(java.util.function.Supplier<Bundle> request) {
		if (this.requests >= this.maxPages) {
			throw new IllegalStateException("Cohort search past " + this.maxPages + " pages");
		}
		if (System.nanoTime() - this.deadline > 0) {
			throw new IllegalStateException("Cohort search out of time");
		}
		this.requests++;
		return request.get();
	}

	private static String patientOf(IBaseResource resource) {
		Reference subject = (resource instanceof Condition condition) ? condition.getSubject()
				: ((MedicationRequest) resource).getSubject();
		var reference = subject.getReferenceElement();
		return ("Patient".equals(reference.getResourceType()) && reference.hasIdPart()) ? reference.getIdPart() : null;
	}

	private static boolean isActive(Condition condition) {
		boolean active = condition.getClinicalStatus()
			.getCoding()
			.stream()
			.anyMatch((coding) -> ACTIVE.contains(coding.getCode()));
		boolean untrue = condition.getVerificationStatus()
			.getCoding()
			.stream()
			.anyMatch((coding) -> NOT_TRUE.contains(coding.getCode()));
		return active && !untrue;
	}

	private static <T> List<List<T>> chunks(List<T> items) {
		List<List<T>> chunks = new ArrayList<>();
		for (int start = 0; start < items.size(); start += CODES_PER_REQUEST) {
			chunks.add(items.subList(start, Math.min(items.size(), start + CODES_PER_REQUEST)));
		}
		return chunks;
	}

	/**
	 * The EHR answered a search by code with a refusal (400, 403, 404, 405, 422 or 501):
	 * it does not offer that search to Kinship.
	 */
	static final class SearchRefused extends RuntimeException {

		private final int status;

		SearchRefused(int status) {
			super("Search refused with HTTP " + status);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

}
