package org.kinship.groups.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Coding;
import org.kinship.groups.Audience;
import org.kinship.groups.CodeSet;
import org.kinship.launch.BackendFhirClients;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * How many Kinship members a code set would reach today: each known member's record is
 * read with a backend-services token and matched inside Kinship. Nothing is stored; only
 * the count leaves this class.
 */
@Component
public class CohortPreview implements DisposableBean {

	private final KnownPatients known;

	private final BackendFhirClients backend;

	private final IssuerRegistry issuers;

	private final GroupsProperties properties;

	private final ExecutorService reads;

	CohortPreview(KnownPatients known, BackendFhirClients backend, IssuerRegistry issuers,
			GroupsProperties properties) {
		this.known = known;
		this.backend = backend;
		this.issuers = issuers;
		this.properties = properties;
		this.reads = Executors.newFixedThreadPool(properties.previewParallelism());
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
		var issuer = this.issuers.findByKey(issuerKey).orElseThrow();
		if (issuer.settings().backendClientId() == null) {
			return OptionalInt.empty();
		}
		try {
			IGenericClient client = this.backend.forIssuer(issuerKey);
			List<Future<Boolean>> matches = new ArrayList<>();
			for (KnownPatients.Known member : this.known.at(issuer.fhirBaseUrl(), this.properties.previewLimit())) {
				if (audience.admits(roleOf(member.fhirUser()))) {
					matches.add(this.reads.submit(() -> matches(client, member.patientId(), codes)));
				}
			}
			int count = 0;
			for (Future<Boolean> match : matches) {
				count += match.get() ? 1 : 0;
			}
			return OptionalInt.of(count);
		}
		catch (ExecutionException | RuntimeException ex) {
			// any failure to reach the EHR means no figure, never a wrong one
			return OptionalInt.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalInt.empty();
		}
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

	@Override
	public void destroy() {
		this.reads.shutdownNow();
	}

}
