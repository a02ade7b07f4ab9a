package org.kinship.programs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups;
import org.kinship.groups.Audience;
import org.kinship.groups.Group;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupForm;
import org.kinship.groups.GroupStatus;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.programs.ProgramDirectory.Listing;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The program directory on the real MariaDB, through the module's API as its pages call
 * it: what members find by condition, language, distance and day; a program leaving the
 * directory by itself after its end, its owner reminded two weeks before, with time set
 * by the test; and a session's capacity under many sign-ups at once. Each test keeps to a
 * health system of its own, so that it sees only its own programs.
 */
@SpringBootTest(properties = "kinship.programs.reminder-interval=PT24H")
@AutoConfigureMockMvc
class ProgramDirectoryIntegrationTests extends OnMariaDb {

	/** A Monday at noon in UTC, the community's time zone here. */
	private static final Instant MONDAY = Instant.parse("2026-03-02T12:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		SetClock setClock() {
			return new SetClock();
		}

		@Bean
		Reminders reminders() {
			return new Reminders();
		}

	}

	/**
	 * The reminders published, on whichever thread: the node's own scheduled look may run
	 * while a test has moved the time, so a test counts reminders rather than which call
	 * made them.
	 */
	static class Reminders {

		private final List<ProgramEndingSoon> published = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ProgramEndingSoon reminder) {
			this.published.add(reminder);
		}

		List<ProgramEndingSoon> of(long programId) {
			return this.published.stream().filter((reminder) -> reminder.programId() == programId).toList();
		}

	}

	@Autowired
	SetClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	ProgramDirectory directory;

	@Autowired
	Reminders reminders;

	@Autowired
	SignUps signUps;

	@Autowired
	GroupAdministration groups;

	private final String issuer = "http://ehr-" + UUID.randomUUID() + ".test/fhir";

	private final KinshipPrincipal manager = new KinshipPrincipal("test", this.issuer,
			"Practitioner/cm-" + UUID.randomUUID(), "Ana Manager", KinshipRole.CLINICIAN,
			Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null, List.of(), Set.of(),
			Map.of());

	@BeforeEach
	void monday() {
		this.clock.set(MONDAY);
	}

	@Test
	void membersFindProgramsByConditionLanguageDistanceAndDay() {
		Group diabetes = group("Diabetes");
		Group heart = group("Heart");
		// Boston's South End, Worcester (about 40 miles west), and one by video
		create(form("Cooking for diabetes", "en", "02118", List.of(2), diabetes));
		create(form("Caminatas", "es", "02119", List.of(4), diabetes));
		create(form("Worcester heart club", "en", "01608", List.of(2), heart));
		create(video("Mindfulness online", "es", List.of(2, 4), heart));

		assertThat(names(new ProgramSearch(diabetes.id(), null, null, null, null)))
			.containsExactlyInAnyOrder("Cooking for diabetes", "Caminatas");
		assertThat(this.directory.linkedTo(diabetes.id())).as("on the diabetes group's page, by name")
			.extracting(Program::name)
			.containsExactly("Caminatas", "Cooking for diabetes");
		assertThat(names(new ProgramSearch(null, "es", null, null, null))).containsExactlyInAnyOrder("Caminatas",
				"Mindfulness online");
		assertThat(names(new ProgramSearch(null, null, null, null, DayOfWeek.TUESDAY)))
			.containsExactlyInAnyOrder("Cooking for diabetes", "Worcester heart club", "Mindfulness online");
		// from Cambridge within 10 miles: the two Boston programs, nearest first, and
		// the one by video; Worcester is too far
		List<Listing> near = this.directory.search(this.manager, new ProgramSearch(null, null, "02139", 10, null))
			.listings();
		assertThat(near).extracting((listing) -> listing.program().name())
			.containsExactly("Mindfulness online", "Cooking for diabetes", "Caminatas");
		assertThat(near.get(1).miles()).isBetween(1.0, 5.0);
		assertThat(names(new ProgramSearch(null, null, "02139", 50, DayOfWeek.TUESDAY)))
			.contains("Worcester heart club");
		assertThat(names(new ProgramSearch(heart.id(), "es", "02139", 10, DayOfWeek.THURSDAY)))
			.containsExactly("Mindfulness online");
		ProgramDirectory.Found unknown = this.directory.search(this.manager,
				new ProgramSearch(null, null, "99999", 10, null));
		assertThat(unknown.unknownPostalCode()).isTrue();
		assertThat(unknown.listings()).hasSize(4);
	}

	@Test
	void membersSearchTheDirectoryInSpanish() throws Exception {
		create(form("Caminatas", "es", "02118", List.of(2), null));
		create(form("Walking club", "en", "02118", List.of(4), null));

		String page = this.mvc
			.perform(get("/programs").param("language", "es")
				.param("postalCode", "02139")
				.param("miles", "10")
				.param("day", "TUESDAY")
				.session(StaffedGroups.session(member()))
				.locale(Locale.forLanguageTag("es"))
				.header("Accept-Language", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Programas cerca de usted y en línea")
			.contains("Caminatas")
			.contains("martes")
			.containsPattern("a [0-9]+([.,][0-9]+)? millas")
			.doesNotContain("Walking club");
	}

	@Test
	void aProgramLeavesTheDirectoryAfterItsEndAndItsOwnerIsRemindedTwoWeeksBefore() {
		Group group = group("Walkers");
		ProgramForm form = form("Spring walks", "en", "02118", List.of(3), group);
		Program program = create(withEnd(form, "2026-04-30"));
		assertThat(this.directory.endingSoon(this.manager)).isEmpty();

		this.clock.set(Instant.parse("2026-04-15T12:00:00Z"));
		this.directory.remindOwners();
		assertThat(this.directory.endingSoon(this.manager)).isEmpty();
		assertThat(this.reminders.of(program.id())).as("fifteen days before").isEmpty();

		this.clock.set(Instant.parse("2026-04-16T12:00:00Z"));
		this.directory.remindOwners();
		this.directory.remindOwners();
		assertThat(this.reminders.of(program.id())).as("reminded once, two weeks before")
			.singleElement()
			.satisfies((reminder) -> assertThat(reminder.owner()).isEqualTo(this.manager.fhirUser()));
		assertThat(this.directory.endingSoon(this.manager)).extracting(Program::id).containsExactly(program.id());

		this.clock.set(Instant.parse("2026-04-30T23:00:00Z"));
		assertThat(names(ProgramSearch.everything())).containsExactly("Spring walks");
		assertThat(this.directory.linkedTo(group.id())).extracting(Program::name).containsExactly("Spring walks");
		this.clock.set(Instant.parse("2026-05-01T00:30:00Z"));
		assertThat(names(ProgramSearch.everything())).isEmpty();
		assertThat(this.directory.linkedTo(group.id())).as("nor on its group's page").isEmpty();
		assertThat(this.signUps.page(member(), program.id())).isEmpty();
		assertThat(this.directory.endingSoon(this.manager)).isEmpty();
	}

	@Test
	void aProgramEndingInThePastIsRefusedAndNothingIsSaved() {
		assertThatThrownBy(() -> create(withEnd(form("Too late", "en", "02118", List.of(2), null), "2026-03-01")))
			.isInstanceOf(Refused.class)
			.extracting((thrown) -> ((Refused) thrown).messageKey())
			.isEqualTo("programs.error.ends-past");
		assertThatThrownBy(() -> create(form("Nowhere", "en", "99999", List.of(2), null))).isInstanceOf(Refused.class)
			.extracting((thrown) -> ((Refused) thrown).messageKey())
			.isEqualTo("programs.error.postal-code.unknown");
		assertThat(this.directory.manageable(this.manager)).isEmpty();
	}

	@Test
	void aProgramWhoseSessionsOverlapAnotherAtTheSamePlaceIsRefused() {
		create(form("Morning stretch", "en", "02118", List.of(2, 4), null));
		ProgramForm clash = new ProgramForm(ProgramKind.CLASS, "Evening yoga", "Learn together.", "Adults", "en",
				"Free", ProgramFormat.IN_PERSON, "1 main street", "02118", null, null, List.of(4), "19:00", 60, 12,
				"Ana, 617-555-0100", "2026-03-02", "2026-06-30", List.of());
		assertThatThrownBy(() -> create(clash)).isInstanceOf(Refused.class)
			.extracting((thrown) -> ((Refused) thrown).messageKey())
			.isEqualTo("programs.error.overlap");
		ProgramForm later = new ProgramForm(ProgramKind.CLASS, "Evening yoga", "Learn together.", "Adults", "en",
				"Free", ProgramFormat.IN_PERSON, "1 main street", "02118", null, null, List.of(4), "19:30", 60, 12,
				"Ana, 617-555-0100", "2026-03-02", "2026-06-30", List.of());
		assertThat(create(later).name()).isEqualTo("Evening yoga");
	}

	@Test
	void twentyMembersSigningUpAtOnceFillTheCapacityExactlyAndTheRestWait() throws Exception {
		ProgramForm form = form("Chair yoga", "en", "02118", List.of(2), null);
		Program program = create(withCapacity(form, 8));
		long sessionId = this.signUps.page(this.manager, program.id()).orElseThrow().sessions().get(0).session().id();

		List<KinshipPrincipal> members = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			members.add(member());
		}
		List<SignUpStatus> outcomes = atOnce(members, (member) -> this.signUps.signUp(member, program.id(), sessionId));

		assertThat(outcomes).filteredOn((status) -> status == SignUpStatus.ADMITTED).hasSize(8);
		assertThat(outcomes).filteredOn((status) -> status == SignUpStatus.WAITING).hasSize(12);
		SignUps.Sheet sheet = this.signUps.sheet(this.manager, program.id(), sessionId);
		assertThat(sheet.session().admitted()).isEqualTo(8);
		assertThat(sheet.signUps()).filteredOn((signUp) -> signUp.status() == SignUpStatus.ADMITTED).hasSize(8);

		// a place given back goes to the first on the waiting list
		KinshipPrincipal admitted = members.get(outcomes.indexOf(SignUpStatus.ADMITTED));
		String firstWaiting = sheet.signUps()
			.stream()
			.filter((signUp) -> signUp.status() == SignUpStatus.WAITING)
			.findFirst()
			.orElseThrow()
			.member();
		this.signUps.cancel(admitted, program.id(), sessionId);
		SignUps.Sheet after = this.signUps.sheet(this.manager, program.id(), sessionId);
		assertThat(after.session().admitted()).isEqualTo(8);
		assertThat(after.signUps()).filteredOn((signUp) -> signUp.member().equals(firstWaiting))
			.extracting(SignUp::status)
			.containsExactly(SignUpStatus.ADMITTED);
	}

	@Test
	void theProgramsStaffTakeAttendanceOnceTheSessionHasStarted() throws Exception {
		Group linked = group("Cooking together");
		Program program = create(form("Cooking class", "en", "02118", List.of(2), linked));
		long sessionId = this.signUps.page(this.manager, program.id()).orElseThrow().sessions().get(0).session().id();
		KinshipPrincipal came = member();
		KinshipPrincipal stayedHome = member();
		this.signUps.signUp(came, program.id(), sessionId);
		this.signUps.signUp(stayedHome, program.id(), sessionId);

		assertThatThrownBy(
				() -> this.signUps.takeAttendance(this.manager, program.id(), sessionId, List.of(came.fhirUser())))
			.isInstanceOf(Refused.class);
		assertThatThrownBy(() -> this.signUps.sheet(came, program.id(), sessionId)).isInstanceOf(Refused.class)
			.extracting((thrown) -> ((Refused) thrown).kind())
			.isEqualTo(Refused.Kind.FORBIDDEN);

		this.clock.advance(Duration.ofDays(1).plusHours(7));
		this.signUps.takeAttendance(this.manager, program.id(), sessionId, List.of(came.fhirUser()));
		assertThat(this.signUps.attendedSince(program.id(), came.fhirUser(), MONDAY)).isTrue();
		assertThat(this.signUps.attendedSince(program.id(), stayedHome.fhirUser(), MONDAY)).isFalse();

		assertThat(this.signUps.heldFor(linked.id(), 5)).as("beside the group's live sessions")
			.singleElement()
			.satisfies((held) -> {
				assertThat(held.sessionId()).isEqualTo(sessionId);
				assertThat(held.admitted()).isEqualTo(2);
				assertThat(held.attended()).isEqualTo(1);
			});
		String sessions = this.mvc
			.perform(get("/sessions/groups/{id}", linked.id()).session(StaffedGroups.session(this.manager))
				.header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(sessions).as("the group's staff see both kinds of session in one place")
			.contains("id=\"program-session-" + sessionId + "\"")
			.contains("Cooking class")
			.contains("1 of 2 attended");
	}

	private List<String> names(ProgramSearch search) {
		return this.directory.search(this.manager, search).listings().stream().map((l) -> l.program().name()).toList();
	}

	private Program create(ProgramForm form) {
		return this.directory.create(this.manager, form);
	}

	private Group group(String name) {
		return this.groups.create(this.manager, new GroupForm(name + " " + UUID.randomUUID(), "A place to share.",
				"<p>Be kind.</p>", Audience.PATIENTS, true, GroupStatus.OPEN, "", "Q87.4", "", "", ""));
	}

	private KinshipPrincipal member() {
		String id = "p-" + UUID.randomUUID();
		return new KinshipPrincipal("test", this.issuer, "Patient/" + id, "Pat " + id, KinshipRole.PATIENT, Set.of(),
				id, null, false, null, null, null, List.of(), Set.of(), Map.of());
	}

	private static ProgramForm form(String name, String language, String postalCode, List<Integer> days, Group group) {
		return new ProgramForm(ProgramKind.CLASS, name, "Learn together.", "Adults", language, "Free",
				ProgramFormat.IN_PERSON, "1 Main Street", postalCode, "Step-free entrance", null, days, "18:00", 90, 12,
				"Ana, 617-555-0100", "2026-03-02", "2026-06-30", (group != null) ? List.of(group.id()) : List.of());
	}

	private static ProgramForm video(String name, String language, List<Integer> days, Group group) {
		return new ProgramForm(ProgramKind.SUPPORT_GROUP, name, "Breathe together.", "Adults", language, "Free",
				ProgramFormat.VIDEO, null, null, null, "https://video.example/room", days, "19:00", 60, 30,
				"Ana, 617-555-0100", "2026-03-02", "2026-06-30", List.of(group.id()));
	}

	private static ProgramForm withEnd(ProgramForm f, String endsOn) {
		return new ProgramForm(f.kind(), f.name(), f.description(), f.audience(), f.language(), f.cost(), f.format(),
				f.address(), f.postalCode(), f.accessibility(), f.videoUrl(), f.days(), f.startTime(), f.minutes(),
				f.capacity(), f.contact(), f.startsOn(), endsOn, f.groupIds());
	}

	private static ProgramForm withCapacity(ProgramForm f, int capacity) {
		return new ProgramForm(f.kind(), f.name(), f.description(), f.audience(), f.language(), f.cost(), f.format(),
				f.address(), f.postalCode(), f.accessibility(), f.videoUrl(), f.days(), f.startTime(), f.minutes(),
				capacity, f.contact(), f.startsOn(), f.endsOn(), f.groupIds());
	}

	private static <T> List<T> atOnce(List<KinshipPrincipal> members,
			java.util.function.Function<KinshipPrincipal, T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(members.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> calls = new ArrayList<>();
		for (KinshipPrincipal member : members) {
			Callable<T> task = () -> {
				start.await();
				return call.apply(member);
			};
			calls.add(pool.submit(task));
		}
		start.countDown();
		List<T> outcomes = new ArrayList<>();
		for (Future<T> each : calls) {
			outcomes.add(each.get());
		}
		pool.shutdown();
		return outcomes;
	}

}
