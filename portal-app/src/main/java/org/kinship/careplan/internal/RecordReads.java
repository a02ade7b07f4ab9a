package org.kinship.careplan.internal;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.careplan.internal.Searches.SearchSettings;
import org.kinship.launch.FhirClients;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.RelaunchRequiredException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Reads the care-plan parts of the record of the patient in context with the user's own
 * token, in one wave of parallel searches (a second wave only for a part longer than one
 * page), and maps every resource to Kinship's own cards at once. Resources about another
 * patient are dropped and recorded in the audit log as security events. Parts whose scope
 * the EHR did not grant are not asked for.
 */
@Component
public class RecordReads {

	private static final Logger logger = LoggerFactory.getLogger(RecordReads.class);

	private final FhirClients fhir;

	private final AuditLog audit;

	private final CarePlanProperties properties;

	private final AsyncTaskExecutor executor;

	RecordReads(FhirClients fhir, AuditLog audit, CarePlanProperties properties,
			@Qualifier(CarePlanExecutors.READS) AsyncTaskExecutor executor) {
		this.fhir = fhir;
		this.audit = audit;
		this.properties = properties;
		this.executor = executor;
	}

	/**
	 * Reads the record of the patient in context.
	 * @param principal the user, with a patient in context
	 * @return what could be read, each part saying why when it could not
	 */
	public CarePlanRecord read(KinshipPrincipal principal) {
		String patientId = patientOf(principal);
		try {
			// FhirClients needs the request thread (its security context
			// and session hold the token), so the client is obtained here
			// and only the HTTP calls run on the executor, all with that
			// one client. A 401 from any of them leaves the work,
			// FhirClients renews the token and the whole wave runs once more.
			Wave wave = this.fhir.withUserToken(principal, (client) -> wave(client, principal, patientId));
			recordForeign(principal, wave.foreign());
			return wave.record();
		}
		catch (RelaunchRequiredException | AuthenticationException ex) {
			return CarePlanRecord.accessEnded(principal.issuer(), patientId);
		}
		catch (RuntimeException ex) {
			// the group page must render whatever went wrong here; the class is enough
			// for the log, a message could carry record content
			logger.warn("Could not read the care-plan record: {}", ex.getClass().getName());
			return CarePlanRecord.unavailable(principal.issuer(), patientId);
		}
	}

	/**
	 * Reads the pages of one part that the first read left for later.
	 * @param principal the user
	 * @param record the record read before
	 * @param part the part to read on
	 * @return the record with more of that part (as it was when there is no more), or
	 * empty when the EHR could not give more just now
	 */
	public Optional<CarePlanRecord> more(KinshipPrincipal principal, CarePlanRecord record, Part part) {
		FurtherPages pages = new FurtherPages(record, this.properties.maxEntries(), startOfToday());
		try {
			CarePlanRecord longer = this.fhir.withUserToken(principal, (client) -> pages.of(client, part));
			recordForeign(principal, List.copyOf(pages.context().foreign()));
			return Optional.of(longer);
		}
		catch (RelaunchRequiredException | BaseServerResponseException | DataFormatException ex) {
			return Optional.empty();
		}
	}

	private Wave wave(IGenericClient client, KinshipPrincipal principal, String patientId) {
		MappingContext context = MappingContext.of(patientId, principal.issuer(), Map.of());
		SearchSettings settings = new SearchSettings(LocalDate.now(ZoneOffset.UTC), principal.mayRead("Practitioner"),
				this.properties.pageSize());
		Instant today = startOfToday();
		ParallelReads reads = new ParallelReads(this.executor, this.properties.panelTimeout());
		PartReader reader = new PartReader(client, patientId, settings, this.properties.maxEntries(), context);
		Future<Section<CarePlanCard>> plans = start(reads, principal, Part.PLANS, reader, CarePlanCards::map);
		Future<Section<GoalCard>> goals = start(reads, principal, Part.GOALS, reader, GoalCards::map);
		Future<Section<MedicationCard>> medications = start(reads, principal, Part.MEDICATIONS, reader,
				MedicationCards::map);
		Future<Section<ConditionCard>> conditions = start(reads, principal, Part.CONDITIONS, reader,
				ConditionCards::map);
		Future<Section<CareTeamMember>> team = start(reads, principal, Part.CARE_TEAM, reader, CareTeamMembers::map);
		Future<Section<AppointmentCard>> appointments = start(reads, principal, Part.APPOINTMENTS, reader,
				(resources, mapping) -> AppointmentCards.map(resources, mapping, today));
		// the patient's name was read once at launch; the panel never reads it again
		CarePlanRecord record = new CarePlanRecord(principal.issuer(), patientId, principal.patientName(),
				Instant.now(), false, reads.await(plans), reads.await(goals), reads.await(medications),
				reads.await(conditions), reads.await(team), reads.await(appointments));
		return new Wave(record, List.copyOf(context.foreign()));
	}

	private static <T extends Serializable> Future<Section<T>> start(ParallelReads reads, KinshipPrincipal principal,
			Part part, PartReader reader, CardMapping<T> mapping) {
		if (!principal.mayRead(part.resourceType())) {
			return CompletableFuture.completedFuture(Section.missing(SectionStatus.NOT_GRANTED));
		}
		return reads.start(() -> reader.read(part, mapping));
	}

	private static Instant startOfToday() {
		return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private void recordForeign(KinshipPrincipal principal, List<String> resourceTypes) {
		for (String type : resourceTypes) {
			this.audit.record(new AuditEntry(principal.issuer(), principal.fhirUser(),
					"Patient/" + principal.patientId(), AuditAction.FOREIGN_RESOURCE_DROPPED, type, "foreign_patient"));
		}
	}

	private static String patientOf(KinshipPrincipal principal) {
		String patientId = principal.patientId();
		if (patientId == null) {
			throw new IllegalArgumentException("No patient in context");
		}
		return patientId;
	}

	/**
	 * One wave's result: the record, and the types of the resources dropped as another
	 * patient's.
	 */
	private record Wave(CarePlanRecord record, List<String> foreign) {
	}

}
