package org.kinship.e2e;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kinship.sandbox.fhir.ResourceStore;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.kinship.moderation.ReviewQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An urgent escalation reaches the member's care team in the sandbox EHR, as the run
 * command's demo does it (the sandbox's care-team alerts are on in the application's own
 * configuration): a patient posts crisis language in a group, and the EHR holds an urgent
 * alert Communication about the patient to the practitioners of the patient's care team,
 * without the message; the facilitator sees on the escalation that it was written.
 */
class CareTeamAlertEndToEndIntegrationTests {

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aCrisisMessageReachesThePractitionersOfThePatientsCareTeam() throws Exception {
		this.system.passChatRateWindow();
		String slug = CommunityGroups.facilitated(LaunchedPerson.launch(this.system, "dr-sarah-lin"), "Care team");
		LaunchedPerson facilitator = LaunchedPerson.launch(this.system, CommunityGroups.FACILITATOR);
		long groupId = CommunityGroups.id(facilitator, slug);
		LaunchedPerson aisha = LaunchedPerson.launch(this.system, "aisha-rahman");
		CommunityGroups.join(aisha, slug, "Ash");
		String text = "I want to end my life, I cannot go on " + UUID.randomUUID().toString().substring(0, 6);

		long messageId;
		try (StompMember page = StompMember.connect(this.system, aisha)) {
			Map<String, Object> reply = page.sendAndAwait(groupId, UUID.randomUUID().toString(), text);
			assertThat(reply.get("outcome")).as(String.valueOf(reply.get("reason"))).isEqualTo("STORED");
			messageId = ((Number) ((Map<?, ?>) reply.get("message")).get("id")).longValue();
		}
		long item = this.system.kinshipBean(ReviewQueue.class)
			.openFor(messageId)
			.stream()
			.filter((open) -> open.kind() == ReviewQueue.Kind.ESCALATED)
			.findFirst()
			.orElseThrow()
			.id();

		Communication alert = awaitCommunication(item);
		assertThat(alert.getSubject().getReference()).isEqualTo("Patient/aisha-rahman");
		assertThat(alert.getRecipient()).extracting(Reference::getReference)
			.containsExactlyInAnyOrder("Practitioner/dr-sarah-lin", "Practitioner/tom-alvarez");
		assertThat(alert.getPriority()).isEqualTo(Communication.CommunicationPriority.URGENT);
		assertThat(alert.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("alert");
		assertThat(alert.getPayloadFirstRep().getContentStringType().getValue()).contains("crisis")
			.doesNotContain(text)
			.doesNotContain("end my life");

		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		String card = card(facilitator, item);
		while (!card.contains("data-status=\"WRITTEN\"") && System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
			card = card(facilitator, item);
		}
		assertThat(card).contains("data-status=\"WRITTEN\"")
			.contains("an urgent message to the practitioners of the member&#39;s care team");
	}

	/** What the EHR holds, read on the sandbox's side: Kinship may only create them. */
	private Communication awaitCommunication(long item) throws InterruptedException {
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		Optional<Communication> found = communication(item);
		while (found.isEmpty() && System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
			found = communication(item);
		}
		assertThat(found).as("the EHR's Communication about escalation " + item).isPresent();
		return found.get();
	}

	private Optional<Communication> communication(long item) {
		List<Communication> all = this.system.sandboxBean(ResourceStore.class)
			.all("Communication")
			.stream()
			.map(Communication.class::cast)
			.filter((communication) -> communication.getIdentifier()
				.stream()
				.anyMatch((id) -> "urn:kinship:escalation".equals(id.getSystem())
						&& String.valueOf(item).equals(id.getValue())))
			.toList();
		assertThat(all).as("written once").hasSizeLessThanOrEqualTo(1);
		return all.stream().findFirst();
	}

	/** What the escalation's card says of the care team. */
	private static String card(LaunchedPerson facilitator, long item) throws Exception {
		Matcher card = Pattern.compile("id=\"care-team-alert-" + item + "\"(.*?)</div>", Pattern.DOTALL)
			.matcher(facilitator.get("/review").body());
		assertThat(card.find()).as("the care team's part of the escalation's card").isTrue();
		return card.group(0);
	}

}
