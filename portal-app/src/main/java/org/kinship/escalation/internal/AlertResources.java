package org.kinship.escalation.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.kinship.escalation.internal.AlertStore.Alert;
import org.kinship.escalation.internal.AlertStore.Topic;
import org.kinship.launch.EhrIdentifiers;

/**
 * The FHIR side of a care-team alert: the patient's active care teams as the EHR holds
 * them, and the {@code Communication} or {@code Task} written about the escalation.
 * <p>
 * What the EHR is told, and what not: that Kinship's screening found crisis language (or
 * trouble managing care) in a message the patient posted, in which group and when, that
 * Kinship's facilitators were alerted, and how to find the escalation again (the
 * identifier {@code urn:kinship:escalation} with the review item's id, and the group as
 * {@code urn:kinship:group}; {@link EhrIdentifiers} names the installation in both where
 * it is configured). Never the message itself: the member wrote it to peers under a name
 * of their choosing, not into their medical record, where it would stay for good and be
 * read out of its context; screening can be wrong, and words quoted without the
 * conversation around them mislead. A clinician who needs more asks the facilitators, who
 * can read the discussion.
 */
final class AlertResources {

	/**
	 * The kind of the escalation's identifier, {@code urn:kinship:escalation} without a
	 * name.
	 */
	static final String ESCALATION = "escalation";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private AlertResources() {
	}

	/**
	 * The patient's active care teams, by id.
	 * @param client the backend-services client
	 * @param patientId the patient
	 * @return the teams, perhaps none
	 */
	static List<CareTeam> activeCareTeams(IGenericClient client, String patientId) {
		Bundle found = client.search()
			.forResource(CareTeam.class)
			.where(CareTeam.PATIENT.hasId("Patient/" + patientId))
			.and(CareTeam.STATUS.exactly().code("active"))
			.returnBundle(Bundle.class)
			.execute();
		return found.getEntry()
			.stream()
			.map(Bundle.BundleEntryComponent::getResource)
			.filter(CareTeam.class::isInstance)
			.map(CareTeam.class::cast)
			// a server may ignore the status parameter
			.filter((team) -> team.getStatus() == CareTeam.CareTeamStatus.ACTIVE)
			.sorted(java.util.Comparator.comparing((CareTeam team) -> team.getIdElement().getIdPart()))
			.toList();
	}

	/**
	 * The practitioners of some care teams, each once: the members that are a
	 * {@code Practitioner} or a {@code PractitionerRole}.
	 * @param teams the teams
	 * @return references to them
	 */
	static List<Reference> practitioners(List<CareTeam> teams) {
		Map<String, Reference> found = new LinkedHashMap<>();
		for (CareTeam team : teams) {
			for (CareTeam.CareTeamParticipantComponent participant : team.getParticipant()) {
				Reference member = participant.getMember();
				String type = member.getReferenceElement().getResourceType();
				if ("Practitioner".equals(type) || "PractitionerRole".equals(type)) {
					found.putIfAbsent(member.getReference(), new Reference(member.getReference())
						.setDisplay(member.hasDisplay() ? member.getDisplay() : null));
				}
			}
		}
		return List.copyOf(found.values());
	}

	/**
	 * The Communication to the care teams' practitioners (to the teams themselves when
	 * they name none).
	 * @param alert the alert
	 * @param groupName the group's name
	 * @param teams the patient's active care teams, at least one
	 * @param now when it is sent
	 * @param ids the installation's identifier systems
	 * @return the resource
	 */
	static Communication communication(Alert alert, String groupName, List<CareTeam> teams, Instant now,
			EhrIdentifiers ids) {
		Communication communication = new Communication();
		communication.addIdentifier(identifier(alert, ids));
		communication.setStatus(Communication.CommunicationStatus.COMPLETED);
		communication.addCategory()
			.addCoding()
			.setSystem("http://terminology.hl7.org/CodeSystem/communication-category")
			.setCode("alert")
			.setDisplay("Alert");
		communication.setPriority(Communication.CommunicationPriority.URGENT);
		communication.setSubject(patient(alert));
		List<Reference> practitioners = practitioners(teams);
		if (practitioners.isEmpty()) {
			teams.forEach((team) -> communication.addRecipient(careTeam(team)));
		}
		else {
			practitioners.forEach(communication::addRecipient);
		}
		communication.setSender(new Reference().setDisplay("Kinship"));
		communication.addAbout(group(alert, groupName, ids));
		communication.addReasonCode(new CodeableConcept().setText(reason(alert)));
		communication.setSent(Date.from(now));
		communication.addPayload().setContent(new StringType(text(alert, groupName)));
		return communication;
	}

	/**
	 * The Task for the patient's (first) active care team.
	 * @param alert the alert
	 * @param groupName the group's name
	 * @param teams the patient's active care teams, at least one
	 * @param now when it is asked for
	 * @return the resource
	 */
	static Task task(Alert alert, String groupName, List<CareTeam> teams, Instant now, EhrIdentifiers ids) {
		Task task = new Task();
		task.addIdentifier(identifier(alert, ids));
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setPriority(Task.TaskPriority.URGENT);
		task.setCode(new CodeableConcept().setText("Reach out to the patient"));
		task.setDescription(text(alert, groupName));
		task.setFor(patient(alert));
		task.setOwner(careTeam(teams.get(0)));
		task.setRequester(new Reference().setDisplay("Kinship"));
		task.setReasonCode(new CodeableConcept().setText(reason(alert)));
		task.setFocus(group(alert, groupName, ids));
		task.setAuthoredOn(Date.from(now));
		return task;
	}

	/**
	 * What the EHR is told, in words; never the member's message.
	 * @param alert the alert
	 * @param groupName the group's name
	 * @return the text
	 */
	static String text(Alert alert, String groupName) {
		String found = (alert.topic() == Topic.CRISIS)
				? "language suggesting a crisis (such as thoughts of suicide or self-harm)"
				: "signs that the patient is having trouble managing their care (such as running out of "
						+ "or being unable to afford medicines)";
		return "Kinship, the patient's peer-support community, found " + found
				+ " in a message the patient posted in the group \"" + groupName + "\" at "
				+ WHEN.format(alert.raisedAt()) + ". Kinship's facilitators were alerted to reach out to the "
				+ "patient. The message itself is not shared here; Kinship's facilitators can be asked about "
				+ "escalation " + alert.itemId() + ".";
	}

	private static String reason(Alert alert) {
		return (alert.topic() == Topic.CRISIS) ? "Crisis language in a peer-support message"
				: "Trouble managing care, in a peer-support message";
	}

	private static Identifier identifier(Alert alert, EhrIdentifiers ids) {
		return new Identifier().setSystem(ids.system(ESCALATION)).setValue(String.valueOf(alert.itemId()));
	}

	private static Reference patient(Alert alert) {
		return new Reference("Patient/" + alert.patientId());
	}

	private static Reference careTeam(CareTeam team) {
		return new Reference("CareTeam/" + team.getIdElement().getIdPart()).setDisplay(team.getName());
	}

	/** The group, as a logical reference: it is Kinship's, not a resource of the EHR. */
	private static Reference group(Alert alert, String groupName, EhrIdentifiers ids) {
		return new Reference()
			.setIdentifier(new Identifier().setSystem(ids.system("group")).setValue(String.valueOf(alert.groupId())))
			.setDisplay("Kinship group " + groupName);
	}

}
