package org.kinship.groups;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.Coding;
import org.kinship.groups.internal.GroupStore;
import org.kinship.groups.internal.MembershipStore;
import org.kinship.groups.internal.RecordConditions;
import org.kinship.launch.FhirClients;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.stereotype.Component;

/**
 * Groups suggested from the record: the active conditions of the patient in context are
 * read with the user's own token and matched against each group's code set inside
 * Kinship. The codes are used for this answer only and never stored or shown.
 */
@Component
public class Suggestions {

	private final FhirClients fhir;

	private final GroupStore groups;

	private final MembershipStore memberships;

	Suggestions(FhirClients fhir, GroupStore groups, MembershipStore memberships) {
		this.fhir = fhir;
		this.groups = groups;
		this.memberships = memberships;
	}

	/**
	 * The open, listed groups that fit the record of the patient in context and the
	 * person's role, leaving out groups the person already belongs to.
	 * @param principal the person; a caregiver gets caregiver groups that fit the person
	 * they care for
	 * @return the suggestions, or why there are none
	 * @throws org.kinship.launch.RelaunchRequiredException when the EHR no longer accepts
	 * the session's token
	 */
	public Suggested suggest(KinshipPrincipal principal) {
		String patientId = principal.patientId();
		if (principal.role() == KinshipRole.CLINICIAN || patientId == null) {
			return new Suggested(Source.NOT_APPLICABLE, List.of());
		}
		if (!principal.mayRead("Condition")) {
			return new Suggested(Source.NOT_GRANTED, List.of());
		}
		List<Coding> codings;
		try {
			codings = this.fhir.withUserToken(principal, (client) -> RecordConditions.activeCodings(client, patientId));
		}
		catch (ForbiddenOperationException ex) {
			return new Suggested(Source.NOT_GRANTED, List.of());
		}
		catch (BaseServerResponseException ex) {
			return new Suggested(Source.UNAVAILABLE, List.of());
		}
		Set<Long> joined = this.memberships.ofUser(principal.issuer(), principal.fhirUser())
			.stream()
			.map(Membership::groupId)
			.collect(Collectors.toSet());
		List<Group> fitting = this.groups.all(principal.issuer())
			.stream()
			.filter((group) -> group.listed() && group.status() == GroupStatus.OPEN)
			.filter((group) -> group.audience().admits(principal.role()) && !joined.contains(group.id()))
			.filter((group) -> codings.stream()
				.anyMatch((coding) -> coding.hasSystem() && coding.hasCode()
						&& group.codes().matches(coding.getSystem(), coding.getCode())))
			.toList();
		return new Suggested(Source.RECORD, fitting);
	}

	/**
	 * The open, listed groups for patients that fit the record of the patient in a
	 * clinician's chart, for referring them; read with the clinician's own token.
	 * @param clinician a clinician launched with a patient in context
	 * @return the groups, or why there are none ({@link Source#NOT_APPLICABLE} without a
	 * patient in context, or for anyone but a clinician)
	 * @throws org.kinship.launch.RelaunchRequiredException when the EHR no longer accepts
	 * the session's token
	 */
	public Suggested forChart(KinshipPrincipal clinician) {
		String patientId = clinician.patientId();
		if (clinician.role() != KinshipRole.CLINICIAN || patientId == null) {
			return new Suggested(Source.NOT_APPLICABLE, List.of());
		}
		if (!clinician.mayRead("Condition")) {
			return new Suggested(Source.NOT_GRANTED, List.of());
		}
		List<Coding> codings;
		try {
			codings = this.fhir.withUserToken(clinician, (client) -> RecordConditions.activeCodings(client, patientId));
		}
		catch (ForbiddenOperationException ex) {
			return new Suggested(Source.NOT_GRANTED, List.of());
		}
		catch (BaseServerResponseException ex) {
			return new Suggested(Source.UNAVAILABLE, List.of());
		}
		List<Group> fitting = this.groups.all(clinician.issuer())
			.stream()
			.filter((group) -> group.listed() && group.status() == GroupStatus.OPEN)
			.filter((group) -> group.audience().admits(KinshipRole.PATIENT))
			.filter((group) -> codings.stream()
				.anyMatch((coding) -> coding.hasSystem() && coding.hasCode()
						&& group.codes().matches(coding.getSystem(), coding.getCode())))
			.toList();
		return new Suggested(Source.RECORD, fitting);
	}

	/**
	 * Suggestions and where they came from.
	 *
	 * @param source whether the record was read, and if not, why
	 * @param groups the suggested groups
	 */
	public record Suggested(Source source, List<Group> groups) {
	}

	/** Whether suggestions could be made from the record. */
	public enum Source {

		/** Read from the record. */
		RECORD,
		/** A clinician outside a patient's chart: nothing to suggest from. */
		NOT_APPLICABLE,
		/** The EHR did not let Kinship read conditions. */
		NOT_GRANTED,
		/** The EHR could not be reached. */
		UNAVAILABLE

	}

}
