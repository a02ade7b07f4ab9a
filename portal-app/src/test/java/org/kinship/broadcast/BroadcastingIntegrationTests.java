package org.kinship.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
import org.kinship.shared.Refused;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Primary;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Broadcasts on the real MariaDB, through the module's API as the pages call it: who may
 * send, who receives, what members see, what managers are shown, and every refusal
 * leaving a draft. The sandbox's demo groups exist; the sandbox EHR itself is not
 * running, so a record-defined cohort cannot be resolved here (the end-to-end tests
 * resolve them).
 */
@SpringBootTest(properties = { "kinship.broadcast.two-person-threshold=1", "kinship.broadcast.max-recipients=3" })
class BroadcastingIntegrationTests extends OnMariaDb {

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		/** Moved ahead instead of waiting for a broadcast to expire. */
		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	private static final String SANDBOX = "http://localhost:9090/fhir";

	@Autowired
	Broadcasting broadcasting;

	@Autowired
	BroadcastInbox inbox;

	@Autowired
	Memberships memberships;

	@Autowired
	GroupDirectory directory;

	@Autowired
	AuditLog audit;

	@Autowired
	GroupAdministration administration;

	private final KinshipPrincipal manager = clinician("Practitioner/cm-" + UUID.randomUUID(),
			CommunityRight.COMMUNITY_MANAGER);

	private final KinshipPrincipal secondManager = clinician("Practitioner/cm2-" + UUID.randomUUID(),
			CommunityRight.COMMUNITY_MANAGER);

	@Test
	void storesForEveryActiveMemberOfTheGroupsAndCountsWhatTheyDo() {
		KinshipPrincipal ana = member();
		KinshipPrincipal ben = member();
		long groupId = groupId();

		long id = this.broadcasting.save(this.manager, null, form(Priority.IMPORTANT, List.of(groupId), "", ""));
		assertThat(this.broadcasting.preview(this.manager, id)).isEqualTo(2);
		Broadcast sent = this.broadcasting.send(this.manager, id);

		assertThat(sent.status()).isEqualTo(BroadcastStatus.SENT);
		assertThat(this.inbox.strip(ana).unread()).isEqualTo(1);
		assertThat(this.inbox.strip(ana).banner()).isNotNull().extracting(InboxEntry::id).isEqualTo(id);
		assertThat(this.inbox.open(ana, id)).hasValueSatisfying((entry) -> {
			assertThat(entry.bodyHtml()).isEqualTo("<p>Weigh yourself <strong>every</strong> morning.</p>");
			assertThat(entry.awaitsAcknowledgement()).isTrue();
		});
		assertThat(this.inbox.strip(ana).unread()).isZero();
		this.inbox.acknowledge(ana, id);
		this.inbox.acknowledge(ana, id);

		Tracking tracking = this.broadcasting.tracking(this.manager, id);
		assertThat(tracking.counts().total()).isEqualTo(2);
		assertThat(tracking.counts().acknowledged()).isEqualTo(1);
		assertThat(tracking.counts().seen()).isEqualTo(1);
		assertThat(tracking.counts().delivered()).isEqualTo(1);
		assertThat(this.broadcasting.recipients(this.manager, id)).extracting(RecipientProgress::fhirUser)
			.containsExactlyInAnyOrder(ana.fhirUser(), ben.fhirUser());
		assertThat(this.broadcasting.recipients(this.manager, id)
			.stream()
			.filter((recipient) -> recipient.acknowledgedAt() == null)
			.map(RecipientProgress::fhirUser)).contains(ben.fhirUser()).doesNotContain(ana.fhirUser());
		assertThat(this.inbox.open(ben, id)).isPresent();
		assertThat(this.inbox.open(member(), id)).as("not a recipient").isEmpty();
		assertThat(this.audit.latest(SANDBOX, 50)).filteredOn((entry) -> entry.action() == AuditAction.BROADCAST)
			.extracting((entry) -> entry.resourceTypes())
			.contains("broadcast " + id + " saved", "broadcast " + id + " sent to " + sent.recipientCount(),
					"broadcast " + id + " acknowledged", "broadcast " + id + " seen");
	}

	@Test
	void theInboxListsTheNewestBroadcastFirst() {
		KinshipPrincipal ana = member();
		long earlier = this.broadcasting.save(this.manager, null, form(Priority.INFO, List.of(groupId()), "", ""));
		this.broadcasting.send(this.manager, earlier);
		this.clock.advance(Duration.ofMinutes(5));
		long later = this.broadcasting.save(this.manager, null, form(Priority.INFO, List.of(groupId()), "", ""));
		this.broadcasting.send(this.manager, later);

		assertThat(this.inbox.inbox(ana)).extracting(InboxEntry::id).containsExactly(later, earlier);
	}

	@Test
	void sendingTheSameFormTwiceStoresAndSendsOneBroadcast() {
		member();
		BroadcastForm form = form(Priority.INFO, List.of(groupId()), "", "");
		long first = this.broadcasting.save(this.manager, null, form);
		long second = this.broadcasting.save(this.manager, null, form);
		assertThat(second).isEqualTo(first);
		int recipients = this.broadcasting.send(this.manager, first).recipientCount();
		assertThat(this.broadcasting.send(this.manager, first).recipientCount()).isEqualTo(recipients);
		assertThat(this.broadcasting.tracking(this.manager, first).counts().total()).isEqualTo(recipients);
	}

	@Test
	void patientsAndFacilitatorsCannotBroadcast() {
		KinshipPrincipal facilitator = clinician("Practitioner/f-" + UUID.randomUUID(), CommunityRight.FACILITATOR);
		BroadcastForm form = form(Priority.URGENT, List.of(groupId()), "", "");
		assertThatThrownBy(() -> this.broadcasting.save(member(), null, form))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.broadcasting.save(facilitator, null, form))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.broadcasting.list(facilitator)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void managersSeeOnlyTheirOwnHealthSystemsBroadcastsAndOnlySendersSeeRecipients() {
		member();
		long id = this.broadcasting.save(this.manager, null, form(Priority.INFO, List.of(groupId()), "", ""));
		this.broadcasting.send(this.manager, id);
		KinshipPrincipal elsewhere = new KinshipPrincipal("general", "https://ehr.general.example/fhir",
				this.manager.fhirUser(), "Dr Elsewhere", KinshipRole.CLINICIAN,
				Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null, List.of(), Set.of(),
				java.util.Map.of());

		assertThatThrownBy(() -> this.broadcasting.tracking(elsewhere, id)).isInstanceOf(Refused.class);
		assertThat(this.broadcasting.list(elsewhere)).extracting((row) -> row.broadcast().id()).doesNotContain(id);
		assertThat(this.broadcasting.tracking(this.secondManager, id).mayListRecipients()).isFalse();
		assertThatThrownBy(() -> this.broadcasting.recipients(this.secondManager, id))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void refusalsLeaveTheDraftWithTheErrorAndNothingSent() {
		long emptyGroup = groupId();
		this.slug = null;
		long id = this.broadcasting.save(this.manager, null, form(Priority.INFO, List.of(emptyGroup), "", ""));
		assertThatThrownBy(() -> this.broadcasting.send(this.manager, id)).isInstanceOf(Refused.class)
			.extracting((ex) -> ((Refused) ex).messageKey())
			.isEqualTo("broadcast.error.empty-audience");
		Broadcast kept = this.broadcasting.find(this.manager, id);
		assertThat(kept.status()).isEqualTo(BroadcastStatus.DRAFT);
		assertThat(kept.lastError()).isEqualTo("broadcast.error.empty-audience");
		assertThat(kept.title()).isEqualTo("Heat warning");

		long noGroups = this.broadcasting.save(this.manager, null, form(Priority.INFO, List.of(), "", ""));
		assertThatThrownBy(() -> this.broadcasting.send(this.manager, noGroups)).isInstanceOf(Refused.class)
			.extracting((ex) -> ((Refused) ex).messageKey())
			.isEqualTo("broadcast.error.no-groups");

		String past = Times.format(Instant.now().minus(1, ChronoUnit.HOURS));
		long late = this.broadcasting.save(this.manager, null, form(Priority.INFO, List.of(groupId()), past, ""));
		assertThatThrownBy(() -> this.broadcasting.schedule(this.manager, late)).isInstanceOf(Refused.class)
			.extracting((ex) -> ((Refused) ex).messageKey())
			.isEqualTo("broadcast.error.past");
		assertThat(this.broadcasting.find(this.manager, late).status()).isEqualTo(BroadcastStatus.DRAFT);
	}

	@Test
	void aCohortTheRecordSystemCannotResolveStaysADraftWithTheError() {
		BroadcastForm cohort = new BroadcastForm(UUID.randomUUID().toString(), "Heat warning", "Stay cool.",
				Priority.URGENT, AudienceSpec.Kind.COHORT, List.of(), "88805009", "", "", "", "");
		long id = this.broadcasting.save(this.manager, null, cohort);
		assertThatThrownBy(() -> this.broadcasting.send(this.manager, id)).isInstanceOf(Refused.class)
			.extracting((ex) -> ((Refused) ex).messageKey())
			.isEqualTo("broadcast.error.cohort");
		Broadcast kept = this.broadcasting.find(this.manager, id);
		assertThat(kept.status()).isEqualTo(BroadcastStatus.DRAFT);
		assertThat(kept.lastError()).isEqualTo("broadcast.error.cohort");
		assertThat(this.broadcasting.tracking(this.manager, id).counts().total()).isZero();
	}

	@Test
	void anAudienceOverTheCapIsRefused() {
		for (int i = 0; i < 4; i++) {
			member();
		}
		long id = this.broadcasting.save(this.manager, null, form(Priority.INFO, List.of(groupId()), "", ""));
		assertThatThrownBy(() -> this.broadcasting.send(this.manager, id)).isInstanceOf(Refused.class)
			.extracting((ex) -> ((Refused) ex).messageKey())
			.isEqualTo("broadcast.error.over-cap");
		assertThat(this.broadcasting.find(this.manager, id).status()).isEqualTo(BroadcastStatus.DRAFT);
	}

	@Test
	void anUrgentBroadcastToManyWaitsForASecondManager() {
		member();
		member();
		long id = this.broadcasting.save(this.manager, null, form(Priority.URGENT, List.of(groupId()), "", ""));
		Broadcast waiting = this.broadcasting.send(this.manager, id);
		assertThat(waiting.status()).isEqualTo(BroadcastStatus.AWAITING_APPROVAL);
		assertThat(this.broadcasting.tracking(this.manager, id).counts().total()).isZero();
		assertThatThrownBy(() -> this.broadcasting.approve(this.manager, id)).isInstanceOf(Refused.class)
			.extracting((ex) -> ((Refused) ex).messageKey())
			.isEqualTo("broadcast.error.own-approval");

		Broadcast sent = this.broadcasting.approve(this.secondManager, id);
		assertThat(sent.status()).isEqualTo(BroadcastStatus.SENT);
		assertThat(sent.approvedBy()).isEqualTo(this.secondManager.fhirUser());
		assertThat(this.broadcasting.recipients(this.secondManager, id)).isNotEmpty();
	}

	@Test
	void aScheduledBroadcastIsEditableUntilItsTimeAndThenSent() {
		KinshipPrincipal ana = member();
		String soon = Times.format(Instant.now().plus(10, ChronoUnit.MINUTES));
		long id = this.broadcasting.save(this.manager, null, form(Priority.INFO, List.of(groupId()), soon, ""));
		assertThat(this.broadcasting.schedule(this.manager, id).status()).isEqualTo(BroadcastStatus.SCHEDULED);
		assertThat(this.inbox.inbox(ana)).extracting(InboxEntry::id).doesNotContain(id);

		this.broadcasting.sendDue(Instant.now().plus(20, ChronoUnit.MINUTES));

		assertThat(this.broadcasting.find(this.manager, id).status()).isEqualTo(BroadcastStatus.SENT);
		assertThat(this.inbox.inbox(ana)).extracting(InboxEntry::id).contains(id);
	}

	@Test
	void anUrgentBroadcastStaysInTheBannerUntilAcknowledged() {
		KinshipPrincipal ana = member();
		long id = this.broadcasting.save(this.manager, null, form(Priority.URGENT, List.of(groupId()), "", ""));
		this.broadcasting.send(this.manager, id);
		this.inbox.open(ana, id);
		assertThat(this.inbox.strip(ana).banner()).as("seen but not acknowledged").isNotNull();
		this.inbox.acknowledge(ana, id);
		assertThat(this.inbox.strip(ana).banner()).isNull();
	}

	@Test
	void anExpiredBroadcastIsNoLongerShownAndTypedMarkupStaysText() throws Exception {
		KinshipPrincipal ana = member();
		String soon = Times.format(Instant.now().plus(1, ChronoUnit.HOURS));
		BroadcastForm form = new BroadcastForm(UUID.randomUUID().toString(), "Clinic closed today",
				"<script>alert(1)</script> **Closed** until 2 pm.", Priority.URGENT, AudienceSpec.Kind.GROUPS,
				List.of(groupId()), "", "", "", "", soon);
		long id = this.broadcasting.save(this.manager, null, form);
		this.broadcasting.send(this.manager, id);
		assertThat(this.inbox.open(ana, id)).hasValueSatisfying((entry) -> assertThat(entry.bodyHtml())
			.isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>Closed</strong> until 2 pm.</p>"));
		assertThat(this.inbox.strip(ana).banner()).isNotNull();

		this.clock.advance(Duration.ofHours(2));

		assertThat(this.inbox.inbox(ana)).extracting(InboxEntry::id).doesNotContain(id);
		assertThat(this.inbox.strip(ana).banner()).as("expired, even unacknowledged").isNull();
		assertThat(this.inbox.open(ana, id)).isEmpty();
	}

	@Test
	void aBroadcastWrittenInSpanishTooReachesEachMemberInTheirLanguage() {
		KinshipPrincipal ana = member();
		BroadcastForm form = new BroadcastForm(UUID.randomUUID().toString(), "Heat warning",
				"Weigh yourself **every** morning.", Priority.INFO, AudienceSpec.Kind.GROUPS, List.of(groupId()), "",
				"", "", "", "", "Aviso de calor", "Pésese **cada** mañana.");
		long id = this.broadcasting.save(this.manager, null, form);
		assertThat(this.broadcasting.find(this.manager, id).spanish().bodyHtml())
			.isEqualTo("<p>Pésese <strong>cada</strong> mañana.</p>");
		this.broadcasting.send(this.manager, id);

		try {
			LocaleContextHolder.setLocale(Locale.forLanguageTag("es-MX"));
			assertThat(this.inbox.open(ana, id)).hasValueSatisfying((entry) -> {
				assertThat(entry.title()).isEqualTo("Aviso de calor");
				assertThat(entry.bodyHtml()).isEqualTo("<p>Pésese <strong>cada</strong> mañana.</p>");
			});
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(this.inbox.inbox(ana)).filteredOn((entry) -> entry.id() == id)
				.extracting(InboxEntry::title)
				.containsExactly("Heat warning");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void aSpanishTitleWithoutItsMessageIsRefusedAndNothingIsStored() {
		BroadcastForm form = new BroadcastForm(UUID.randomUUID().toString(), "Heat warning", "Stay cool.",
				Priority.INFO, AudienceSpec.Kind.GROUPS, List.of(groupId()), "", "", "", "", "", "Aviso de calor", " ");
		int before = this.broadcasting.list(this.manager).size();

		assertThatThrownBy(() -> this.broadcasting.save(this.manager, null, form)).isInstanceOf(Refused.class)
			.extracting((refused) -> ((Refused) refused).messageKey())
			.isEqualTo("broadcast.error.spanish-incomplete");
		assertThat(this.broadcasting.list(this.manager)).hasSize(before);
	}

	private @org.jspecify.annotations.Nullable String slug;

	/** This test's own group, made at first use. */
	private long groupId() {
		if (this.slug == null) {
			String name = "Heat and heart " + UUID.randomUUID().toString().substring(0, 8);
			this.slug = this.administration
				.create(this.manager,
						new GroupForm(name, "For people with heart failure.", "Be kind.", Audience.PATIENTS, true,
								GroupStatus.OPEN, "88805009", "", "", "", ""))
				.slug();
		}
		return this.directory.page(this.manager, this.slug).map((page) -> page.group().id()).orElseThrow();
	}

	/** A new patient who joins this test's group. */
	private KinshipPrincipal member() {
		groupId();
		String id = UUID.randomUUID().toString().substring(0, 8);
		KinshipPrincipal patient = new KinshipPrincipal("sandbox", SANDBOX, "Patient/" + id, "Patient " + id,
				KinshipRole.PATIENT, Set.of(), id, null, false, null, null, null, List.of(), Set.of(),
				java.util.Map.of());
		this.memberships.join(patient, this.slug, new JoinForm("M" + id, false, false, true));
		return patient;
	}

	private static KinshipPrincipal clinician(String fhirUser, CommunityRight right) {
		return new KinshipPrincipal("sandbox", SANDBOX, fhirUser, "Dr " + fhirUser, KinshipRole.CLINICIAN,
				Set.of(right), null, null, false, null, null, null, List.of(), Set.of(), java.util.Map.of());
	}

	private static BroadcastForm form(Priority priority, List<Long> groups, String scheduledAt, String expiresAt) {
		return new BroadcastForm(UUID.randomUUID().toString(), "Heat warning", "Weigh yourself **every** morning.",
				priority, AudienceSpec.Kind.GROUPS, groups, "", "", "", scheduledAt, expiresAt);
	}

}
