package org.kinship.broadcast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditLog;
import org.kinship.groups.Audience;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupForm;
import org.kinship.groups.GroupStatus;
import org.kinship.groups.JoinForm;
import org.kinship.groups.Memberships;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many members pressing "I have read this" at the same moment, on the real MariaDB: the
 * presses are written together in batches, and still each recipient is counted once, with
 * one audit entry, a second press changes nothing and a non-recipient is told so.
 */
@SpringBootTest
class AcknowledgementBurstIntegrationTests extends OnMariaDb {

	private static final String SANDBOX = "http://localhost:9090/fhir";

	private static final int MEMBERS = 40;

	@Autowired
	Broadcasting broadcasting;

	@Autowired
	BroadcastInbox inbox;

	@Autowired
	Memberships memberships;

	@Autowired
	GroupDirectory directory;

	@Autowired
	GroupAdministration administration;

	@Autowired
	AuditLog audit;

	private final KinshipPrincipal manager = new KinshipPrincipal("sandbox", SANDBOX,
			"Practitioner/cm-" + UUID.randomUUID(), "Dr Lin", KinshipRole.CLINICIAN,
			Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null, List.of(), Set.of(),
			Map.of());

	@Test
	void membersPressingAtOnceAreEachRecordedOnce() throws Exception {
		String slug = this.administration
			.create(this.manager,
					new GroupForm("Burst " + UUID.randomUUID().toString().substring(0, 8), "For a burst.", "Be kind.",
							Audience.PATIENTS, true, GroupStatus.OPEN, "88805009", "", "", "", ""))
			.slug();
		long groupId = this.directory.page(this.manager, slug).map((page) -> page.group().id()).orElseThrow();
		List<KinshipPrincipal> members = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			KinshipPrincipal member = patient();
			this.memberships.join(member, slug, new JoinForm("M" + i, false, false, true));
			members.add(member);
		}
		long id = this.broadcasting.save(this.manager, null,
				new BroadcastForm(UUID.randomUUID().toString(), "Clinic closed", "The clinic is closed **tomorrow**.",
						Priority.URGENT, AudienceSpec.Kind.GROUPS, List.of(groupId), "", "", "", "", ""));
		this.broadcasting.send(this.manager, id);

		// every member presses twice, and five people who are not recipients press too
		List<KinshipPrincipal> pressing = new ArrayList<>(members);
		pressing.addAll(members);
		for (int i = 0; i < 5; i++) {
			pressing.add(patient());
		}
		Collections.shuffle(pressing);
		ExecutorService pool = Executors.newFixedThreadPool(pressing.size());
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Acknowledgement>> answers = new ArrayList<>();
		try {
			for (KinshipPrincipal person : pressing) {
				CompletableFuture<Acknowledgement> answer = new CompletableFuture<>();
				answers.add(answer);
				pool.execute(() -> {
					try {
						go.await();
						this.inbox.acknowledgeLater(person, id).whenComplete((outcome, failure) -> {
							if (failure != null) {
								answer.completeExceptionally(failure);
							}
							else {
								answer.complete(outcome);
							}
						});
					}
					catch (InterruptedException ex) {
						answer.completeExceptionally(ex);
					}
				});
			}
			go.countDown();
			CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}

		Map<Acknowledgement, Long> outcomes = answers.stream()
			.map(CompletableFuture::join)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(outcomes).containsEntry(Acknowledgement.RECORDED, (long) MEMBERS)
			.containsEntry(Acknowledgement.ALREADY, (long) MEMBERS)
			.containsEntry(Acknowledgement.NOT_RECIPIENT, 5L);
		Tracking tracking = this.broadcasting.tracking(this.manager, id);
		assertThat(tracking.counts().acknowledged()).isEqualTo(MEMBERS);
		assertThat(tracking.counts().seen()).as("acknowledged counts as seen").isEqualTo(MEMBERS);
		assertThat(this.broadcasting.recipients(this.manager, id))
			.allSatisfy((recipient) -> assertThat(recipient.acknowledgedAt()).as(recipient.fhirUser()).isNotNull());
		assertThat(this.audit.latest(SANDBOX, 1000))
			.filteredOn((entry) -> entry.action() == AuditAction.BROADCAST
					&& entry.resourceTypes().equals("broadcast " + id + " acknowledged"))
			.extracting((entry) -> entry.actor())
			.containsExactlyInAnyOrderElementsOf(members.stream().map(KinshipPrincipal::fhirUser).toList());
	}

	private static KinshipPrincipal patient() {
		String id = UUID.randomUUID().toString().substring(0, 8);
		return new KinshipPrincipal("sandbox", SANDBOX, "Patient/" + id, "Patient " + id, KinshipRole.PATIENT, Set.of(),
				id, null, false, null, null, null, List.of(), Set.of(), Map.of());
	}

}
