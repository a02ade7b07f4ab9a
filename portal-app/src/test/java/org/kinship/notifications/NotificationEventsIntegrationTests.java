package org.kinship.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.StaffedGroups;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.broadcast.AudienceSpec;
import org.kinship.broadcast.BroadcastForm;
import org.kinship.broadcast.BroadcastInbox;
import org.kinship.broadcast.Broadcasting;
import org.kinship.broadcast.Priority;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.chat.SendResult;
import org.kinship.groups.Audience;
import org.kinship.groups.Group;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupForm;
import org.kinship.groups.GroupStatus;
import org.kinship.groups.Memberships;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.launch.MemberLaunched;
import org.kinship.notifications.internal.Dispatch;
import org.kinship.referrals.ReferralForm;
import org.kinship.referrals.Referrals;
import org.kinship.review.ReviewDesk;
import org.kinship.review.ReviewDesk.Decision;
import org.kinship.sessions.LiveSessions;
import org.kinship.sessions.Posting;
import org.kinship.sessions.SessionForm;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What else tells a member or a facilitator who is away, from the real modules on the
 * real MariaDB to a real SMTP server (GreenMail) in this JVM, with time held by the test:
 * a live session when it starts (once, and not to one who left), an important broadcast
 * still not acknowledged after the reminder delay (only to those who have not, checked
 * again when a reminder held back is sent, and not to one who left the group), the
 * facilitator's decision about a post and the answer to a request to join, and, for the
 * group's staff, the new items in their review queue in one e-mail. New members' first
 * posts go to review here, as they do by default. No e-mail carries what was written, a
 * title, a reason, a group's or a member's name.
 */
@SpringBootTest(properties = { "kinship.notifications.dispatch=false", "kinship.notifications.batch-window=PT3M",
		"kinship.notifications.digest-hour=23", "kinship.notifications.broadcast-reminder-after=PT2H",
		"spring.mail.host=127.0.0.1" })
@Import(SettableClock.AsTheClock.class)
@AutoConfigureMockMvc
class NotificationEventsIntegrationTests {

	/** A weekday morning in UTC, far from the digest hour. */
	static final Instant MORNING = Instant.parse("2026-06-03T09:00:00Z");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		registry.add("spring.mail.port", Mailbox::port);
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	SettableClock clock;

	@Autowired
	Referrals referrals;

	@Autowired
	NotificationDashboard dashboard;

	@Autowired
	MockMvc mvc;

	@Autowired
	Dispatch dispatch;

	@Autowired
	Chat chat;

	@Autowired
	NotificationSettings settings;

	@Autowired
	GroupAdministration administration;

	@Autowired
	Memberships memberships;

	@Autowired
	LiveSessions sessions;

	@Autowired
	Broadcasting broadcasting;

	@Autowired
	BroadcastInbox inbox;

	@Autowired
	ReviewDesk review;

	@Autowired
	ApplicationEventPublisher events;

	private StaffedGroups community;

	private Staffed circle;

	@BeforeEach
	void aGroup() {
		this.clock.set(MORNING);
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Insulin pump circle");
	}

	@Test
	void aLiveSessionIsAnnouncedOnceWhenItStartsAndNotToAMemberWhoLeft() throws Exception {
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal cy = member("Cy");
		String anaAddress = confirmed(ana, "en");
		String cyAddress = confirmed(cy, "en");
		long groupId = this.circle.group().id();
		this.sessions.schedule(this.circle.facilitator(), groupId, new SessionForm("Night-time hypos and the pump",
				local(MORNING.plus(Duration.ofHours(2))), 60, Posting.OPEN));
		this.sessions.schedule(this.circle.facilitator(), groupId,
				new SessionForm("Sensor alarms", local(MORNING.plus(Duration.ofHours(5))), 60, Posting.OPEN));
		this.memberships.leave(cy, this.circle.group().slug());

		this.clock.advance(Duration.ofMinutes(30));
		this.dispatch.run();
		assertThat(Mailbox.to(anaAddress)).as("nothing before a session starts").isEmpty();

		this.clock.set(MORNING.plus(Duration.ofHours(2)));
		this.dispatch.run();
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();
		assertThat(Mailbox.to(anaAddress)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("A live session is starting in Kinship");
			assertThat(message.getHeader("Content-Language", null)).isEqualTo("en");
			assertThat(Mailbox.body(message)).contains("a live session starting now")
				.doesNotContain("hypos", "pump", "Insulin", "Ana");
		});
		this.clock.set(MORNING.plus(Duration.ofHours(3)));
		this.dispatch.run();
		assertThat(Mailbox.to(anaAddress)).as("once").hasSize(1);
		assertThat(Mailbox.to(cyAddress)).as("Cy left the group before it started").isEmpty();
	}

	@Test
	void aSessionStartedEarlyIsAnnouncedThenAndNotAgainAtItsOldTime() throws Exception {
		KinshipPrincipal ana = member("Ana");
		String address = confirmed(ana, "en");
		long groupId = this.circle.group().id();
		this.sessions.schedule(this.circle.facilitator(), groupId,
				new SessionForm("Carb counting", local(MORNING.plus(Duration.ofHours(2))), 30, Posting.OPEN));
		long sessionId = this.sessions.view(this.circle.facilitator(), groupId)
			.orElseThrow()
			.upcoming()
			.get(0)
			.session()
			.id();

		this.clock.advance(Duration.ofMinutes(20));
		this.sessions.start(this.circle.facilitator(), groupId, sessionId);
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();
		assertThat(Mailbox.to(address)).hasSize(1);

		this.clock.set(MORNING.plus(Duration.ofHours(2)).plusSeconds(60));
		this.dispatch.run();
		this.clock.advance(Duration.ofMinutes(5));
		this.dispatch.run();
		assertThat(Mailbox.to(address)).as("not again at the time it was first scheduled for").hasSize(1);
	}

	@Test
	void anImportantBroadcastNotAcknowledgedIsRemindedAfterTheDelayInTheMembersLanguage() throws Exception {
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal ben = member("Ben");
		String anaAddress = confirmed(ana, "es");
		String benAddress = confirmed(ben, "en");
		long id = this.broadcasting.save(this.community.manager(), null,
				new BroadcastForm(UUID.randomUUID().toString(), "Recall of insulin pump batch 42",
						"Stop using **pump batch 42** today.", Priority.IMPORTANT, AudienceSpec.Kind.GROUPS,
						List.of(this.circle.group().id()), "", "", "", "", ""));
		this.broadcasting.send(this.community.manager(), id);
		this.inbox.acknowledge(ben, id);

		this.clock.advance(Duration.ofHours(1));
		this.dispatch.run();
		assertThat(Mailbox.to(anaAddress)).as("not at once").isEmpty();

		this.clock.advance(Duration.ofHours(1).plusMinutes(1));
		this.dispatch.run();
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();
		assertThat(Mailbox.to(anaAddress)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("Lea un aviso importante en Kinship");
			assertThat(message.getHeader("Content-Language", null)).isEqualTo("es");
			assertThat(Mailbox.body(message)).contains("un aviso importante que le pide confirmar que lo leyó")
				.doesNotContain("Recall", "pump", "batch", "Insulin");
		});
		assertThat(Mailbox.to(benAddress)).as("Ben acknowledged it").isEmpty();
	}

	@Test
	void aReminderHeldBackIsNotSentToOneWhoLeftTheGroupOrAcknowledgedInTheMeantime() throws Exception {
		KinshipPrincipal cy = member("Cy");
		KinshipPrincipal dee = member("Dee");
		KinshipPrincipal eve = member("Eve");
		// quiet from 10:30 to 12:00: the reminders due at 11:00 wait for the end of it
		String cyAddress = confirmed(cy, "en", "10:30", "12:00");
		String deeAddress = confirmed(dee, "en", "10:30", "12:00");
		String eveAddress = confirmed(eve, "en", "10:30", "12:00");
		long id = this.broadcasting.save(this.community.manager(), null,
				new BroadcastForm(UUID.randomUUID().toString(), "Clinic closed on Friday", "Closed **Friday**.",
						Priority.IMPORTANT, AudienceSpec.Kind.GROUPS, List.of(this.circle.group().id()), "", "", "", "",
						""));
		this.broadcasting.send(this.community.manager(), id);
		this.clock.advance(Duration.ofHours(2).plusMinutes(1));
		this.dispatch.run();
		assertThat(Mailbox.to(eveAddress)).as("held back in quiet hours").isEmpty();

		this.memberships.leave(cy, this.circle.group().slug());
		this.inbox.acknowledge(dee, id);
		this.clock.set(MORNING.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(1)));
		this.dispatch.run();
		assertThat(Mailbox.to(eveAddress)).as("still to acknowledge it").singleElement();
		assertThat(Mailbox.to(cyAddress)).as("left the group before the send").isEmpty();
		assertThat(Mailbox.to(deeAddress)).as("acknowledged it before the send").isEmpty();
	}

	@Test
	void heldPostsTellTheStaffInOneEmailAndTheDecisionTellsOnlyAnAuthorStillInTheGroup() throws Exception {
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal ben = member("Ben");
		String anaAddress = confirmed(ana, "en");
		String benAddress = confirmed(ben, "en");
		String staffAddress = confirmed(this.circle.facilitator(), "en");
		assertThat(say(ana, "My HbA1c is 9.1 since the pump").held()).isTrue();
		assertThat(say(ben, "Type 1 for 20 years here").held()).isTrue();

		this.dispatch.run();
		assertThat(Mailbox.to(staffAddress)).as("the window is still open").isEmpty();
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();
		assertThat(Mailbox.to(staffAddress)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("2 items are waiting for your review in Kinship");
			assertThat(Mailbox.body(message)).contains("2 new items waiting for your review")
				.doesNotContain("HbA1c", "Type 1", "pump", "Insulin", "Ana", "Ben");
		});

		List<ReviewDesk.Entry> queue = this.review.queue(this.circle.facilitator())
			.stream()
			.filter((entry) -> entry.group().id() == this.circle.group().id())
			.toList();
		for (ReviewDesk.Entry entry : queue) {
			this.review.decide(this.circle.facilitator(), entry.item().id(), Decision.REJECT,
					"Please do not share lab values", "");
		}
		this.memberships.leave(ben, this.circle.group().slug());
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();
		assertThat(Mailbox.to(anaAddress)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("A facilitator decided about your post in Kinship");
			assertThat(Mailbox.body(message)).contains("a decision by a facilitator about your post")
				.doesNotContain("lab values", "HbA1c", "pump", "Insulin");
		});
		assertThat(Mailbox.to(benAddress)).as("Ben left the group before the send").isEmpty();
		assertThat(Mailbox.to(staffAddress)).as("decisions tell the staff nothing").hasSize(1);
	}

	@Test
	void theAnswerToARequestToJoinIsToldInTheMembersLanguage() throws Exception {
		Group unlisted = this.administration.create(this.community.manager(),
				new GroupForm("Pump starters " + UUID.randomUUID(), "A place to share.", "<p>Be kind.</p>",
						Audience.PATIENTS, false, GroupStatus.OPEN, "", "Q87.4", null, null, null));
		KinshipPrincipal ana = this.community.member(unlisted, "Ana");
		String address = confirmed(ana, "es");
		this.memberships.answer(this.community.manager(), unlisted.slug(), ana.fhirUser(), true);
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		assertThat(Mailbox.to(address)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("Se respondió a su solicitud para unirse a un grupo en Kinship");
			assertThat(message.getHeader("Content-Language", null)).isEqualTo("es");
			assertThat(Mailbox.body(message)).doesNotContain("Pump starters");
		});
	}

	@Test
	void aReferralIsToldToThePatientWithoutTheGroupOrTheNote() throws Exception {
		Group referredTo = this.administration.create(this.community.manager(),
				new GroupForm("Walking together " + UUID.randomUUID(), "A place to share.", "<p>Be kind.</p>",
						Audience.PATIENTS, true, GroupStatus.OPEN, "", "Q87.4", null, null, null));
		String patientId = "p-" + UUID.randomUUID();
		KinshipPrincipal patient = new KinshipPrincipal("sandbox", this.community.manager().issuer(),
				"Patient/" + patientId, "Pat " + patientId, KinshipRole.PATIENT, Set.of(), patientId, null, false, null,
				null, null, List.of(), Set.of(), Map.of());
		String address = confirmed(patient, "en");
		KinshipPrincipal clinician = new KinshipPrincipal("sandbox", this.community.manager().issuer(),
				"Practitioner/dr-" + UUID.randomUUID(), "Dr. Sarah Lin", KinshipRole.CLINICIAN, Set.of(), patientId,
				null, true, "Pat " + patientId, null, null, List.of(), Set.of("patient/Patient.rs"), Map.of());

		this.referrals.refer(clinician, new ReferralForm(referredTo.id(), null, "Your knee pain may ease here"));
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		assertThat(Mailbox.to(address)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("A clinician suggested something for you in Kinship");
			assertThat(Mailbox.body(message)).contains("a suggestion from a clinician of a group or program for you")
				.doesNotContain("Walking together")
				.doesNotContain("knee")
				.doesNotContain("Sarah Lin");
		});
		NotificationDashboard.Dashboard counts = this.dashboard.of(this.community.manager());
		assertThat(counts.emailsDay().getOrDefault("SENT", 0)).isPositive();
		assertThat(counts.emailsWeek().get("SENT")).isGreaterThanOrEqualTo(counts.emailsDay().get("SENT"));
		assertThatExceptionOfType(Refused.class).as("for community managers only")
			.isThrownBy(() -> this.dashboard.of(patient));
		assertThat(
				this.mvc.perform(get("/manage/notifications").session(StaffedGroups.session(this.community.manager())))
					.andReturn()
					.getResponse()
					.getContentAsString())
			.contains("id=\"dashboard-emails\"")
			.doesNotContain(address);
		assertThat(this.mvc.perform(get("/manage/notifications").session(StaffedGroups.session(patient)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private KinshipPrincipal member(String name) {
		return this.community.member(this.circle.group(), name);
	}

	private String confirmed(KinshipPrincipal member, String language) {
		return confirmed(member, language, "", "");
	}

	private String confirmed(KinshipPrincipal member, String language, String quietFrom, String quietUntil) {
		String address = member.fhirUser().replaceAll("[^A-Za-z0-9-]", "").substring(0, 20) + "@example.org";
		this.events.publishEvent(new MemberLaunched("sandbox", member.issuer(), member.fhirUser(), member.role(),
				member.patientId(), address));
		this.settings.saveContact(member, new ContactForm(address, language, "UTC", quietFrom, quietUntil));
		return address;
	}

	private SendResult say(KinshipPrincipal member, String text) {
		return this.chat.send(member, this.circle.group().id(),
				new SendCommand(UUID.randomUUID().toString(), text, null));
	}

	/** As a facilitator types a start in the community's time zone (UTC here). */
	private static String local(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atOffset(ZoneOffset.UTC));
	}

}
