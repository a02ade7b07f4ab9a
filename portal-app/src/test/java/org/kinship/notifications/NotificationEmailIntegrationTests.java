package org.kinship.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.StaffedGroups;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.groups.Memberships;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.MemberLaunched;
import org.kinship.notifications.internal.Dispatch;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notification e-mails from real chat events on the real MariaDB to a real SMTP server
 * (GreenMail) in this JVM, with time held and moved by the test: several replies within
 * the batching window make one e-mail, in the member's language, with no message text,
 * group or other member's name unless allowed; the one-click unsubscribe works; quiet
 * hours hold notices until morning; a member who left gets nothing; the digest counts
 * what happened. Rounds are small and shared among several connections to the mail
 * server, as a large community's are.
 */
@SpringBootTest(properties = { "kinship.notifications.dispatch=false", "kinship.notifications.batch-window=PT3M",
		"kinship.notifications.digest-hour=18", "kinship.moderation.new-member-posts=0", "spring.mail.host=127.0.0.1",
		"kinship.notifications.send-batch=4", "kinship.notifications.send-connections=3" })
@AutoConfigureMockMvc
@Import(SettableClock.AsTheClock.class)
class NotificationEmailIntegrationTests {

	/** A weekday morning in UTC, far from every test's digest hour. */
	static final Instant MORNING = Instant.parse("2026-06-02T09:00:00Z");

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
	Dispatch dispatch;

	@Autowired
	Chat chat;

	@Autowired
	NotificationSettings settings;

	@Autowired
	Memberships memberships;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private StaffedGroups community;

	private Staffed circle;

	@BeforeEach
	void aGroup() {
		this.clock.set(MORNING);
		this.community = StaffedGroups.in(this.context);
		this.circle = this.community.group("Heart failure circle");
	}

	@Test
	void repliesWithinTheWindowMakeOneEmailWithoutTextNamesOrDiagnosisAndUnsubscribeWorks() throws Exception {
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal ben = member("Ben");
		KinshipPrincipal cy = member("Cy");
		String address = confirmed(ana, "en", "UTC", "", "");
		long asked = say(ana, "My ankles swell since the furosemide changed", null);
		say(ben, "Mine did too, call the heart failure nurse", asked);
		this.clock.advance(Duration.ofMinutes(1));
		say(cy, "Raise your legs in the evening", asked);

		this.dispatch.run();
		assertThat(Mailbox.to(address)).as("the window is still open").isEmpty();
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		List<MimeMessage> mail = Mailbox.to(address);
		assertThat(mail).hasSize(1);
		MimeMessage message = mail.get(0);
		assertThat(message.getSubject()).isEqualTo("You have 2 new replies in Kinship");
		assertThat(message.getHeader("Content-Language", null)).isEqualTo("en");
		String body = Mailbox.body(message);
		assertThat(body).contains("2 new replies to your messages")
			.contains("/launch/standalone?issuer=sandbox")
			.doesNotContain("ankles", "furosemide", "nurse", "legs", "Heart failure", "heart failure", "Ben", "Cy",
					"Ana");
		String unsubscribe = message.getHeader("List-Unsubscribe", null);
		assertThat(unsubscribe).startsWith("<http").contains("/unsubscribe/");
		assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

		String path = unsubscribe.substring(unsubscribe.indexOf("/unsubscribe/"), unsubscribe.length() - 1);
		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("This stops e-mails only")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("notices in your health system")));
		this.mvc.perform(post(path).param("List-Unsubscribe", "One-Click")).andExpect(status().isOk());
		this.mvc.perform(post(path + "x").param("List-Unsubscribe", "One-Click")).andExpect(status().isNotFound());
		say(ben, "Are you there?", asked);
		this.clock.advance(Duration.ofMinutes(5));
		this.dispatch.run();
		assertThat(Mailbox.to(address)).as("nothing after unsubscribing").hasSize(1);
		assertThat(this.settings.view(ana).contact().unsubscribed()).isTrue();
	}

	@Test
	void aSpanishMemberIsToldInSpanishAndTheGroupIsNamedOnlyWhereAllowed() throws Exception {
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal ben = member("Ben");
		String address = confirmed(ana, "es", "UTC", "", "");
		this.settings.saveGroup(ana, this.circle.group().id(), "replies", true, true);
		say(ben, "Hola @" + nameOf(ana) + ", bienvenida", null);
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		MimeMessage message = Mailbox.to(address).get(0);
		assertThat(message.getSubject()).isEqualTo("Le mencionaron en Kinship");
		assertThat(message.getHeader("Content-Language", null)).isEqualTo("es");
		assertThat(Mailbox.body(message)).contains("una mención nueva de su nombre en " + this.circle.group().name())
			.doesNotContain("bienvenida");
	}

	@Test
	void quietHoursHoldNoticesUntilMorningInTheMembersTimeZone() throws Exception {
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal ben = member("Ben");
		ZoneId newYork = ZoneId.of("America/New_York");
		String address = confirmed(ana, "en", newYork.getId(), "22:00", "07:00");
		LocalDate day = LocalDate.of(2026, 6, 2);
		this.clock.set(day.atTime(LocalTime.of(23, 30)).atZone(newYork).toInstant());
		long asked = say(ana, "Anyone awake?", null);
		say(ben, "I am", asked);
		this.clock.advance(Duration.ofMinutes(10));
		this.dispatch.run();
		assertThat(notices(address)).as("nothing at night").isEmpty();

		this.clock.set(day.plusDays(1).atTime(LocalTime.of(7, 1)).atZone(newYork).toInstant());
		this.dispatch.run();
		assertThat(notices(address)).singleElement()
			.satisfies((message) -> assertThat(message.getSubject()).isEqualTo("You have a new reply in Kinship"));
	}

	@Test
	void aMemberWhoLeftTheGroupBeforeTheSendGetsNothing() throws Exception {
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal ben = member("Ben");
		String address = confirmed(ana, "en", "UTC", "", "");
		long asked = say(ana, "Hello", null);
		say(ben, "Hi Ana", asked);
		this.dispatch.run();
		this.memberships.leave(ana, this.circle.group().slug());
		this.clock.advance(Duration.ofMinutes(5));
		this.dispatch.run();
		assertThat(Mailbox.to(address)).isEmpty();
	}

	@Test
	void nothingGoesToAnUnconfirmedAddressFromTheRecord() throws Exception {
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal ben = member("Ben");
		String address = "ana-" + UUID.randomUUID() + "@example.org";
		this.events.publishEvent(
				new MemberLaunched("sandbox", ana.issuer(), ana.fhirUser(), ana.role(), ana.patientId(), address));
		assertThat(this.settings.view(ana).contact().recordEmail()).isEqualTo(address);
		long asked = say(ana, "Hello", null);
		say(ben, "Hi", asked);
		this.clock.advance(Duration.ofMinutes(5));
		this.dispatch.run();
		assertThat(Mailbox.to(address)).isEmpty();
	}

	@Test
	void theDailyDigestCountsTheMessagesOfEachGroupSinceTheLastOne() throws Exception {
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal ben = member("Ben");
		KinshipPrincipal cy = member("Cy");
		String address = confirmed(ana, "en", "UTC", "", "");
		this.settings.saveGroup(ana, this.circle.group().id(), "digest", true, false);
		// a member's first digest counts from their arrival
		this.clock.advance(Duration.ofMinutes(1));
		say(ben, "Good morning all", null);
		say(cy, "Morning!", null);
		say(ben, "Walk at noon?", null);
		this.clock.set(MORNING.plus(Duration.ofHours(9)).plusSeconds(60));
		this.dispatch.run();

		assertThat(Mailbox.to(address)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("Your Kinship digest: 3 new messages");
			assertThat(Mailbox.body(message)).contains("3 new messages in one of your groups")
				.doesNotContain("morning", "Walk", this.circle.group().name());
		});
		this.clock.advance(Duration.ofHours(2));
		this.dispatch.run();
		assertThat(Mailbox.to(address)).as("one digest a day").hasSize(1);
	}

	@Test
	void aMemberWhoArrivesAfterTheDigestHourGetsTheirFirstDigestTheNextDay() throws Exception {
		this.clock.set(MORNING.plus(Duration.ofHours(9)).plus(Duration.ofMinutes(30)));
		KinshipPrincipal ana = member("Ana");
		KinshipPrincipal ben = member("Ben");
		String address = confirmed(ana, "en", "UTC", "", "");
		this.clock.advance(Duration.ofMinutes(1));
		say(ben, "Welcome, Ana", null);
		this.clock.advance(Duration.ofMinutes(5));
		this.dispatch.run();
		assertThat(Mailbox.to(address)).as("no digest minutes after arriving").isEmpty();

		this.clock.set(MORNING.plus(Duration.ofDays(1)).plus(Duration.ofHours(9)).plusSeconds(60));
		this.dispatch.run();
		assertThat(Mailbox.to(address)).singleElement()
			.satisfies((message) -> assertThat(message.getSubject()).isEqualTo("Your Kinship digest: 1 new message"));
	}

	@Test
	void severalConnectionsHandEachDigestOverOnce() throws Exception {
		List<String> addresses = new java.util.ArrayList<>();
		for (int i = 0; i < 9; i++) {
			addresses.add(confirmed(member("Reader" + i), "en", "UTC", "", ""));
		}
		KinshipPrincipal ben = member("Ben");
		this.clock.advance(Duration.ofMinutes(1));
		say(ben, "Good morning all", null);
		say(ben, "Walk at noon?", null);
		this.clock.set(MORNING.plus(Duration.ofHours(9)).plusSeconds(60));
		this.dispatch.run();
		this.dispatch.run();

		List<MimeMessage> received = new java.util.ArrayList<>();
		for (String address : addresses) {
			assertThat(Mailbox.to(address)).as("one digest for each member").singleElement().satisfies((message) -> {
				assertThat(message.getSubject()).isEqualTo("Your Kinship digest: 2 new messages");
				received.add(message);
			});
		}
		assertThat(received).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM notify_email e JOIN notify_contact c ON c.issuer = e.issuer "
					+ "AND c.fhir_user = e.fhir_user WHERE c.email IN (:addresses) AND e.status = 'SENT'")
			.param("addresses", addresses)
			.query(Integer.class)
			.single()).as("each marked sent once").isEqualTo(9);
	}

	@Test
	void aFacilitatorIsToldAtOnceOfAnUrgentEscalationWithTheTargetAndNothingOfTheMessage() throws Exception {
		KinshipPrincipal ana = member("Ana");
		String address = confirmed(this.circle.facilitator(), "en", "UTC", "", "");
		say(ana, "I can not go on, I want to end my life", null);
		this.dispatch.run();

		assertThat(Mailbox.to(address)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("Urgent: a member may need a response in Kinship");
			assertThat(Mailbox.body(message)).contains("an urgent escalation in a group you look after")
				.contains("the response-time target is 15 minutes")
				.doesNotContain("end my life", "go on", "Ana");
		});
	}

	private List<MimeMessage> notices(String address) throws Exception {
		return Mailbox.to(address).stream().filter((message) -> {
			try {
				return !message.getSubject().contains("digest");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private KinshipPrincipal member(String name) {
		return this.community.member(this.circle.group(), name);
	}

	private String nameOf(KinshipPrincipal member) {
		return this.memberships.myData(member).groups().get(0).displayName();
	}

	private String confirmed(KinshipPrincipal member, String language, String zone, String from, String until) {
		String address = member.fhirUser().replaceAll("[^A-Za-z0-9-]", "").substring(0, 20) + "@example.org";
		this.events.publishEvent(new MemberLaunched("sandbox", member.issuer(), member.fhirUser(), member.role(),
				member.patientId(), address));
		this.settings.saveContact(member, new ContactForm(address, language, zone, from, until));
		return address;
	}

	private long say(KinshipPrincipal member, String text, Long replyTo) {
		return this.chat
			.send(member, this.circle.group().id(), new SendCommand(UUID.randomUUID().toString(), text, replyTo))
			.message()
			.id();
	}

}
