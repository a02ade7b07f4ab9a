package org.kinship.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;
import org.kinship.groups.Audience;
import org.kinship.groups.Group;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupForm;
import org.kinship.groups.GroupStatus;
import org.kinship.groups.JoinForm;
import org.kinship.groups.Memberships;
import org.kinship.shared.Refused;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow mode on the real MariaDB, judged from the database: messages a member sends at the
 * same moment cannot all slip through, whatever node each reaches, while the group's
 * staff are never slowed.
 */
@SpringBootTest
class SlowModeIntegrationTests extends OnMariaDb {

	@Autowired
	Chat chat;

	@Autowired
	GroupControls controls;

	@Autowired
	GroupAdministration administration;

	@Autowired
	Memberships memberships;

	@Autowired
	IssuerRegistry issuers;

	@Test
	void messagesAMemberSendsAtOnceInSlowModeStoreOnlyOneAndTheStaffAreNotSlowed() throws Exception {
		KinshipPrincipal manager = manager();
		Group group = this.administration.create(manager,
				new GroupForm("Slow " + UUID.randomUUID(), "A place to share.", "<p>Be kind.</p>", Audience.PATIENTS,
						true, GroupStatus.OPEN, "", "Q87.4", "", "", ""));
		KinshipPrincipal member = patient();
		this.memberships.join(member, group.slug(), new JoinForm("Kestrel", false, false, true));
		this.controls.slowMode(manager, group.id(), 60);

		List<Object> outcomes = atOnce(5, () -> this.chat.send(member, group.id(),
				new SendCommand(UUID.randomUUID().toString(), "At once", null)));
		assertThat(outcomes).filteredOn(SendResult.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(Refused.class::isInstance)
			.hasSize(4)
			.allSatisfy((refusal) -> assertThat(((Refused) refusal).messageKey()).isEqualTo("chat.error.slow-mode"));

		List<Object> staff = atOnce(3, () -> this.chat.send(manager, group.id(),
				new SendCommand(UUID.randomUUID().toString(), "Staff", null)));
		assertThat(staff).allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(SendResult.class));
		assertThat(this.controls.controls(member, group.id()).notices()).extracting(PostingRule.Notice::messageKey)
			.containsExactly("chat.slow-mode.on");
	}

	@Test
	void theFirstMessagesOfManyNewGroupsSentAtOnceAreAllStored() throws Exception {
		KinshipPrincipal manager = manager();
		List<Group> groups = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			groups.add(
					this.administration.create(manager, new GroupForm("First " + UUID.randomUUID(), "A place to share.",
							"<p>Be kind.</p>", Audience.PATIENTS, true, GroupStatus.OPEN, "", "Q87.4", "", "", "")));
		}
		java.util.Iterator<Group> next = groups.iterator();

		List<Object> outcomes = atOnce(groups.size(), () -> {
			Group group;
			synchronized (next) {
				group = next.next();
			}
			// a manager of their own for each group, so that no one is held to the rate
			// limit
			return this.chat.send(manager("Practitioner/m-" + group.id()), group.id(),
					new SendCommand(UUID.randomUUID().toString(), "Welcome", null));
		});

		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(SendResult.class));
		assertThat(outcomes).extracting((outcome) -> ((SendResult) outcome).message().seq()).containsOnly(1L);
	}

	private static List<Object> atOnce(int count, Callable<Object> send) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> sends = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			sends.add(pool.submit(() -> {
				start.await();
				try {
					return send.call();
				}
				catch (Refused refused) {
					return refused;
				}
			}));
		}
		start.countDown();
		List<Object> outcomes = new ArrayList<>();
		for (Future<Object> each : sends) {
			outcomes.add(each.get());
		}
		pool.shutdown();
		return outcomes;
	}

	private KinshipPrincipal manager() {
		return manager("Practitioner/dr-sarah-lin");
	}

	private KinshipPrincipal manager(String fhirUser) {
		return new KinshipPrincipal("sandbox", sandbox(), fhirUser, "Sarah Lin", KinshipRole.CLINICIAN,
				Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null, List.of(), Set.of(),
				Map.of());
	}

	private KinshipPrincipal patient() {
		String id = "p-" + UUID.randomUUID();
		return new KinshipPrincipal("sandbox", sandbox(), "Patient/" + id, "Pat " + id, KinshipRole.PATIENT, Set.of(),
				id, null, false, null, null, null, List.of(), Set.of("patient/Condition.rs"), Map.of());
	}

	private String sandbox() {
		return this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl();
	}

}
