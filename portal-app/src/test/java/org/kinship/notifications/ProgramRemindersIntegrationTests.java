package org.kinship.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.launch.MemberLaunched;
import org.kinship.notifications.internal.Dispatch;
import org.kinship.programs.Program;
import org.kinship.programs.ProgramDirectory;
import org.kinship.programs.ProgramForm;
import org.kinship.programs.ProgramFormat;
import org.kinship.programs.ProgramKind;
import org.kinship.programs.ProgramSession;
import org.kinship.programs.SignUpStatus;
import org.kinship.programs.SignUps;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Program reminders through the notifications, from the real modules on the real MariaDB
 * to a real SMTP server (GreenMail), with time held by the test: the members who hold a
 * place in a program's session are reminded the day before, in their language and not in
 * their quiet hours (one who cancelled is not, one still on the waiting list is not, and
 * one admitted from it is); the program's owner is told, once, that it ends in two weeks.
 * No e-mail names the program or says what it is about.
 */
@SpringBootTest(properties = { "kinship.notifications.dispatch=false", "kinship.notifications.batch-window=PT3M",
		"kinship.notifications.digest-hour=23", "kinship.programs.reminder-interval=PT24H",
		"spring.mail.host=127.0.0.1" })
@Import(SettableClock.AsTheClock.class)
class ProgramRemindersIntegrationTests {

	/** A Wednesday morning in UTC, the community's time zone here. */
	static final Instant MORNING = Instant.parse("2026-06-03T09:00:00Z");

	/** The session reminded of: Friday evening. */
	static final Instant FRIDAY_EVENING = Instant.parse("2026-06-05T18:00:00Z");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		registry.add("spring.mail.port", Mailbox::port);
	}

	@Autowired
	SettableClock clock;

	@Autowired
	Dispatch dispatch;

	@Autowired
	ProgramDirectory programs;

	@Autowired
	SignUps signUps;

	@Autowired
	NotificationSettings settings;

	@Autowired
	IssuerRegistry issuers;

	@Autowired
	ApplicationEventPublisher events;

	private KinshipPrincipal owner;

	@BeforeEach
	void morning() {
		this.clock.set(MORNING);
		this.owner = new KinshipPrincipal("sandbox", issuer(), "Practitioner/cm-" + UUID.randomUUID(), "Dr Owner",
				KinshipRole.CLINICIAN, Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null,
				List.of(), Set.of(), Map.of());
	}

	@Test
	void membersWhoHoldAPlaceAreRemindedTheDayBeforeInTheirLanguageOutsideQuietHours() throws Exception {
		Program program = program(3, LocalDate.of(2026, 7, 31));
		long session = session(program);
		KinshipPrincipal ana = member();
		KinshipPrincipal ben = member();
		KinshipPrincipal cy = member();
		KinshipPrincipal dee = member();
		KinshipPrincipal eve = member();
		String anaAddress = confirmed(ana, "es", "", "");
		String benAddress = confirmed(ben, "en", "", "");
		String cyAddress = confirmed(cy, "en", "", "");
		String deeAddress = confirmed(dee, "en", "17:00", "20:00");
		String eveAddress = confirmed(eve, "en", "", "");
		assertThat(this.signUps.signUp(ana, program.id(), session)).isEqualTo(SignUpStatus.ADMITTED);
		assertThat(this.signUps.signUp(cy, program.id(), session)).isEqualTo(SignUpStatus.ADMITTED);
		assertThat(this.signUps.signUp(dee, program.id(), session)).isEqualTo(SignUpStatus.ADMITTED);
		assertThat(this.signUps.signUp(ben, program.id(), session)).isEqualTo(SignUpStatus.WAITING);
		// the waiting list is kept in the order of signing up: Eve after Ben
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.signUps.signUp(eve, program.id(), session)).isEqualTo(SignUpStatus.WAITING);
		this.clock.advance(Duration.ofHours(1));
		// Cy gives the place back (Ben, first on the waiting list, gets it), then signs
		// up again and waits
		this.signUps.cancel(cy, program.id(), session);
		assertThat(this.signUps.signUp(cy, program.id(), session)).isEqualTo(SignUpStatus.WAITING);

		this.clock.set(FRIDAY_EVENING.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(1)));
		this.dispatch.run();
		this.clock.advance(Duration.ofMinutes(1));
		this.dispatch.run();
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();

		assertThat(Mailbox.to(anaAddress)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject())
				.isEqualTo("Recordatorio: una sesión de programa en la que se inscribió empieza pronto");
			assertThat(message.getHeader("Content-Language", null)).isEqualTo("es");
			assertThat(Mailbox.body(message)).contains("una sesión de programa en la que tiene plaza empieza pronto");
			assertNothingOfTheProgram(message, program);
		});
		assertThat(Mailbox.to(benAddress)).as("admitted from the waiting list")
			.singleElement()
			.satisfies((message) -> assertThat(message.getSubject())
				.isEqualTo("Reminder: a program session you signed up for starts soon"));
		assertThat(Mailbox.to(cyAddress)).as("gave the place back, still waiting").isEmpty();
		assertThat(Mailbox.to(eveAddress)).as("on the waiting list").isEmpty();
		assertThat(Mailbox.to(deeAddress)).as("in quiet hours").isEmpty();

		this.clock.set(FRIDAY_EVENING.minus(Duration.ofDays(1)).plus(Duration.ofHours(2)).plusSeconds(60));
		this.dispatch.run();
		assertThat(Mailbox.to(deeAddress)).as("once quiet hours are over").singleElement();
		this.clock.set(FRIDAY_EVENING.plus(Duration.ofHours(2)));
		this.dispatch.run();
		assertThat(Mailbox.to(anaAddress)).as("once").hasSize(1);
	}

	@Test
	void theOwnerIsToldOnceThatTheProgramEndsInTwoWeeks() throws Exception {
		String ownerAddress = confirmed(this.owner, "en", "", "");
		Program program = program(10, LocalDate.ofInstant(MORNING, ZoneOffset.UTC).plusDays(10));

		this.programs.remindOwners();
		this.clock.advance(Duration.ofMinutes(3));
		this.dispatch.run();
		this.programs.remindOwners();
		this.clock.advance(Duration.ofHours(2));
		this.dispatch.run();

		assertThat(Mailbox.to(ownerAddress)).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).isEqualTo("A program you keep in Kinship ends soon");
			assertThat(Mailbox.body(message)).contains("a program you keep ends soon");
			assertNothingOfTheProgram(message, program);
		});
		assertThat(this.programs.endingSoon(this.owner)).extracting(Program::id)
			.as("still waiting for them on the management page too")
			.contains(program.id());
	}

	@Test
	void aSignUpCloserToTheStartThanADayIsNotRemindedOfIt() throws Exception {
		Program program = program(3, LocalDate.of(2026, 7, 31));
		long session = session(program);
		KinshipPrincipal fay = member();
		String address = confirmed(fay, "en", "", "");
		this.clock.set(FRIDAY_EVENING.minus(Duration.ofHours(3)));

		this.signUps.signUp(fay, program.id(), session);
		this.clock.advance(Duration.ofMinutes(5));
		this.dispatch.run();

		assertThat(Mailbox.to(address)).isEmpty();
	}

	private static void assertNothingOfTheProgram(MimeMessage message, Program program) throws Exception {
		assertThat(message.getSubject() + Mailbox.body(message)).doesNotContain(program.name())
			.doesNotContain("Insulin")
			.doesNotContain("pump");
	}

	private Program program(int capacity, LocalDate endsOn) {
		return this.programs.create(this.owner,
				new ProgramForm(ProgramKind.CLASS, "Insulin pump basics " + UUID.randomUUID(),
						"Learn to live with the pump.", "Adults with type 1 diabetes", "en", "Free",
						ProgramFormat.VIDEO, null, null, null, "https://video.example/room",
						List.of(1, 2, 3, 4, 5, 6, 7), "18:00", 60, capacity, "Ana",
						LocalDate.ofInstant(MORNING, ZoneOffset.UTC).toString(), endsOn.toString(), List.of()));
	}

	/** Friday evening's session. */
	private long session(Program program) {
		return this.signUps.page(this.owner, program.id())
			.orElseThrow()
			.sessions()
			.stream()
			.map((line) -> line.session())
			.filter((session) -> session.startsAt().equals(FRIDAY_EVENING))
			.map(ProgramSession::id)
			.findFirst()
			.orElseThrow();
	}

	private KinshipPrincipal member() {
		String id = "p-" + UUID.randomUUID();
		return new KinshipPrincipal("sandbox", issuer(), "Patient/" + id, "Pat " + id.substring(2, 8),
				KinshipRole.PATIENT, Set.of(), id, null, false, null, null, null, List.of(), Set.of(), Map.of());
	}

	private String confirmed(KinshipPrincipal person, String language, String quietFrom, String quietUntil) {
		String address = person.fhirUser().replaceAll("[^A-Za-z0-9-]", "").substring(0, 20) + "@example.org";
		this.events.publishEvent(new MemberLaunched("sandbox", person.issuer(), person.fhirUser(), person.role(),
				person.patientId(), address));
		this.settings.saveContact(person, new ContactForm(address, language, "UTC", quietFrom, quietUntil));
		return address;
	}

	private String issuer() {
		return this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl();
	}

}
