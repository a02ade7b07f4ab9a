package org.kinship.careplan.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The people on the patient's active care teams, by name and role, each once; the patient
 * is not listed as their own team member. A team about another patient is dropped and
 * noted.
 */
final class CareTeamMembers {

	private CareTeamMembers() {
	}

	static List<CareTeamMember> map(List<Resource> resources, MappingContext context) {
		Set<CareTeamMember> members = new LinkedHashSet<>();
		resources.stream()
			.filter(CareTeam.class::isInstance)
			.map(CareTeam.class::cast)
			.filter((team) -> context.owns(team, List.of(team.getSubject())))
			.filter((team) -> !team.hasStatus() || team.getStatus() == CareTeam.CareTeamStatus.ACTIVE)
			.forEach((team) -> team.getParticipant().forEach((participant) -> add(participant, context, members)));
		return new ArrayList<>(members);
	}

	private static void add(CareTeamParticipantComponent participant, MappingContext context,
			Set<CareTeamMember> members) {
		IdType member = new IdType(participant.getMember().getReference());
		if ("Patient".equals(member.getResourceType()) && context.patientId().equals(member.getIdPart())) {
			return;
		}
		String name = Names.of(participant.getMember(), context);
		if (name != null) {
			members.add(new CareTeamMember(name,
					participant.hasRole() ? PlainText.of(participant.getRoleFirstRep()) : null));
		}
	}

}
