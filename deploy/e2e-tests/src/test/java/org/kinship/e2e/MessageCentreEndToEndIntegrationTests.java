package org.kinship.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kinship.sandbox.fhir.ResourceStore;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.Test;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.notifications.internal.Dispatch;
import org.kinship.sessions.LiveSessions;
import org.kinship.sessions.Posting;
import org.kinship.sessions.SessionForm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's message centre with the sandbox EHR, configured for it here
 * ({@code kinship.notifications.message-centre-issuers=sandbox}): when a live session
 * starts in a group a patient joined, the sandbox's FHIR server holds a
 * {@code Communication} to that patient, written with Kinship's backend token, saying
 * only that a session is starting, never its title or the group's name.
 */
class MessageCentreEndToEndIntegrationTests {

	private static final String NOTIFICATION = "urn:kinship:notification";

	private final RunningKinship system = RunningKinship.get();

	@Test
	void aSessionStartingIsWrittenToThePatientsMessageCentreWithoutItsTitle() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Breathing space", true);
		group.join("maria-santos", "Maria");
		Set<String> before = notices("maria-santos").keySet();

		this.system.kinshipBean(LiveSessions.class)
			.schedule(tomAlvarez(), group.id, new SessionForm("Inhaler technique", "", 30, Posting.OPEN));
		this.system.clock().advance(Duration.ofMinutes(4));
		Dispatch dispatch = this.system.kinshipBean(Dispatch.class);
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		List<Communication> fresh = fresh(before);
		// other tests' activity may bring Maria a digest first: wait for the session's
		// notice itself; another node's round may hold the lease, and the next try finds
		// its work done
		while (fresh.stream().noneMatch(MessageCentreEndToEndIntegrationTests::announcesASession)
				&& System.currentTimeMillis() < deadline) {
			dispatch.run();
			fresh = fresh(before);
		}

		assertThat(fresh).anySatisfy((communication) -> {
			assertThat(communication.getRecipientFirstRep().getReference()).isEqualTo("Patient/maria-santos");
			assertThat(communication.getStatus()).isEqualTo(Communication.CommunicationStatus.COMPLETED);
			assertThat(communication.getPayloadFirstRep().getContentStringType().getValue())
				.startsWith("A live session is starting in Kinship")
				.contains("/launch/standalone?issuer=sandbox")
				.doesNotContain("Inhaler", "Breathing", "Maria");
		});
	}

	/** Maria's notices written since {@code before} was taken. */
	private List<Communication> fresh(Set<String> before) {
		return notices("maria-santos").entrySet()
			.stream()
			.filter((entry) -> !before.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.toList();
	}

	private static boolean announcesASession(Communication communication) {
		return communication.getPayloadFirstRep().hasContentStringType()
				&& communication.getPayloadFirstRep().getContentStringType().getValue().startsWith("A live session");
	}

	/** Kinship's notices to a patient in the sandbox EHR, by identifier. */
	private Map<String, Communication> notices(String patientId) {
		return this.system.sandboxBean(ResourceStore.class)
			.all("Communication")
			.stream()
			.map(Communication.class::cast)
			.filter((communication) -> NOTIFICATION.equals(communication.getIdentifierFirstRep().getSystem()))
			.filter((communication) -> communication.getSubject().getReference().equals("Patient/" + patientId))
			.collect(Collectors.toMap((communication) -> communication.getIdentifierFirstRep().getValue(),
					(communication) -> communication, (first, second) -> first));
	}

	private KinshipPrincipal tomAlvarez() {
		String issuer = this.system.sandboxUrl() + "/fhir";
		return new KinshipPrincipal("sandbox", issuer, "Practitioner/tom-alvarez", "Tom Alvarez", KinshipRole.CLINICIAN,
				Set.of(CommunityRight.FACILITATOR), null, null, false, null, null, null, List.of(), Set.of(), Map.of());
	}

}
