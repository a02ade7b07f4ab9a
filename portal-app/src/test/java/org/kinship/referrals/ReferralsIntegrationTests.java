package org.kinship.referrals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups;
import org.kinship.groups.Audience;
import org.kinship.groups.Group;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupForm;
import org.kinship.groups.GroupStatus;
import org.kinship.groups.JoinForm;
import org.kinship.groups.Memberships;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.programs.Program;
import org.kinship.programs.ProgramDirectory;
import org.kinship.programs.ProgramForm;
import org.kinship.programs.ProgramFormat;
import org.kinship.programs.ProgramKind;
import org.kinship.programs.SignUps;
import org.kinship.sessions.LiveSessions;
import org.kinship.sessions.Posting;
import org.kinship.sessions.SessionForm;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Referrals on the real MariaDB through the module's API, for a health system that does
 * not take referrals in its EHR (the demo profile's sandbox is not running here;
 * {@code ReferralEhrIntegrationTests} writes to an EHR that fails and refuses). The
 * clinicians' grants leave out conditions, so nothing is read from an EHR for the fit:
 * every referral is made with its warning.
 */
@SpringBootTest(properties = "kinship.referrals.ehr-issuers=")
@AutoConfigureMockMvc
class ReferralsIntegrationTests extends OnMariaDb {

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		Clock movableClock() {
			return new Movable();
		}

	}

	@Autowired
	Referrals referrals;

	@Autowired
	GroupAdministration groups;

	@Autowired
	ProgramDirectory programs;

	@Autowired
	SignUps signUps;

	@Autowired
	Memberships memberships;

	@Autowired
	LiveSessions sessions;

	@Autowired
	IssuerRegistry issuers;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	/** A clinician of each test's own, so that each sees only its own referrals. */
	private final String doctor = "Practitioner/dr-" + UUID.randomUUID();

	@Test
	void aReferralIsKeptAndThePatientDeclinesItOnce() {
		Group group = group();
		String patientId = "p-" + UUID.randomUUID();
		KinshipPrincipal clinician = clinician(patientId);

		Referral referral = this.referrals.refer(clinician, new ReferralForm(group.id(), null, "  Worth a try.  "));
		assertThat(referral.ehr()).isEqualTo(EhrRecord.NOT_ASKED);
		assertThat(referral.fitsRecord()).isFalse();
		assertThat(referral.note()).isEqualTo("Worth a try.");
		assertThat(referral.referrerName()).isEqualTo("Dr. Sarah Lin");
		assertThatThrownBy(() -> this.referrals.refer(clinician, new ReferralForm(group.id(), null, null)))
			.isInstanceOf(Refused.class)
			.extracting((thrown) -> ((Refused) thrown).messageKey())
			.isEqualTo("referrals.error.already");

		KinshipPrincipal patient = patient(patientId);
		assertThat(this.referrals.waitingFor(patient)).extracting(Referral::targetName).containsExactly(group.name());
		assertThat(this.referrals.sentBy(clinician)).extracting(Referral::state).containsExactly(ReferralState.SEEN);
		assertThatThrownBy(() -> this.referrals.decline(patient(UUID.randomUUID().toString()), referral.id()))
			.isInstanceOf(Refused.class);

		this.referrals.decline(patient, referral.id());
		assertThat(this.referrals.waitingFor(patient)).isEmpty();
		assertThatThrownBy(() -> this.referrals.accept(patient, referral.id())).isInstanceOf(Refused.class);
		assertThat(this.referrals.sentBy(clinician)).extracting(Referral::state)
			.containsExactly(ReferralState.DECLINED);
	}

	@Test
	void aReferralToAProgramIsAttendedOnceThePatientCameToASession() {
		KinshipPrincipal manager = clinician(null);
		Program program = this.programs.create(manager,
				new ProgramForm(ProgramKind.CLASS, "Cooking " + UUID.randomUUID(), "Cook together.", "Adults", "en",
						"Free", ProgramFormat.VIDEO, null, null, null, "https://video.example/room",
						List.of(1, 2, 3, 4, 5, 6, 7), "10:00", 60, 10, "Ana", today(), inAMonth(), List.of()));
		String patientId = "p-" + UUID.randomUUID();
		KinshipPrincipal clinician = clinician(patientId);
		Referral referral = this.referrals.refer(clinician, new ReferralForm(null, program.id(), null));
		KinshipPrincipal patient = patient(patientId);

		assertThat(this.referrals.accept(patient, referral.id())).isEqualTo("/programs/" + program.id());
		long session = this.signUps.page(patient, program.id())
			.orElseThrow()
			.sessions()
			.stream()
			.filter((line) -> line.session().startsAt().isAfter(this.clock.instant()))
			.findFirst()
			.orElseThrow()
			.session()
			.id();
		this.signUps.signUp(patient, program.id(), session);
		assertThat(this.referrals.sentBy(clinician)).extracting(Referral::state)
			.containsExactly(ReferralState.ACCEPTED);

		((Movable) this.clock).advance(Duration.ofDays(1));
		this.signUps.takeAttendance(manager, program.id(), session, List.of(patient.fhirUser()));
		assertThat(this.referrals.sentBy(clinician)).extracting(Referral::state)
			.containsExactly(ReferralState.ATTENDED);
	}

	@Test
	void aReferralToAGroupIsAttendedOnceThePatientCameToALiveSession() {
		Group group = group();
		String patientId = "p-" + UUID.randomUUID();
		KinshipPrincipal clinician = clinician(patientId);
		Referral referral = this.referrals.refer(clinician, new ReferralForm(group.id(), null, null));
		KinshipPrincipal patient = patient(patientId);
		assertThat(this.referrals.accept(patient, referral.id())).contains(group.slug());
		this.memberships.join(patient, group.slug(),
				new JoinForm("Referred " + patientId.substring(2, 8), false, false, true));
		this.sessions.view(patient, group.id());
		assertThat(this.referrals.sentBy(clinician)).as("no session yet")
			.extracting(Referral::state)
			.containsExactly(ReferralState.ACCEPTED);

		this.sessions.schedule(clinician(null), group.id(), new SessionForm("First meeting", null, 30, Posting.OPEN));
		this.sessions.view(patient, group.id());

		assertThat(this.referrals.sentBy(clinician)).extracting(Referral::state)
			.containsExactly(ReferralState.ATTENDED);
	}

	@Test
	void communityManagersSeeCountsOnlyFromElevenAndNoPatient() {
		Group group = group();
		for (int i = 0; i < 12; i++) {
			this.referrals.refer(clinician("p-" + UUID.randomUUID()), new ReferralForm(group.id(), null, null));
		}
		Referrals.Loop loop = this.referrals.loop(clinician(null));
		assertThat(loop.total()).isGreaterThanOrEqualTo(12L);
		assertThat(loop.byState().get(ReferralState.SENT)).isGreaterThanOrEqualTo(11L);
		assertThat(loop.smallestCount()).isEqualTo(11);
		assertThatThrownBy(() -> this.referrals.loop(patient("p-1"))).isInstanceOf(Refused.class)
			.extracting((thrown) -> ((Refused) thrown).kind())
			.isEqualTo(Refused.Kind.FORBIDDEN);
		assertThatThrownBy(() -> this.referrals.choices(clinician(null))).isInstanceOf(Refused.class);
	}

	@Test
	void managersSeeEachReferralsStateAndFirstAttendancesOnlyFromEleven() throws Exception {
		KinshipPrincipal manager = clinician(null);
		Program program = this.programs.create(manager,
				new ProgramForm(ProgramKind.CLASS, "Loop class " + UUID.randomUUID(), "Learn together.", "Adults", "en",
						"Free", ProgramFormat.VIDEO, null, null, null, "https://video.example/loop",
						List.of(1, 2, 3, 4, 5, 6, 7), "10:00", 60, 20, "Ana", today(), inAMonth(), List.of()));
		List<KinshipPrincipal> patients = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			String patientId = "p-" + UUID.randomUUID();
			Referral referral = this.referrals.refer(clinician(patientId), new ReferralForm(null, program.id(), null));
			KinshipPrincipal patient = patient(patientId);
			this.referrals.accept(patient, referral.id());
			patients.add(patient);
		}
		long session = this.signUps.page(manager, program.id())
			.orElseThrow()
			.sessions()
			.stream()
			.filter((line) -> line.session().startsAt().isAfter(this.clock.instant()))
			.findFirst()
			.orElseThrow()
			.session()
			.id();
		patients.forEach((patient) -> this.signUps.signUp(patient, program.id(), session));
		((Movable) this.clock).advance(Duration.ofDays(1));
		// eight came; the other tests of this class add at most two first attendances
		this.signUps.takeAttendance(manager, program.id(), session,
				patients.subList(0, 8).stream().map(KinshipPrincipal::fhirUser).toList());

		assertThat(this.referrals.loop(manager).attendedInWindow()).as("ten or fewer attended: too few to show")
			.isNull();
		assertThat(loopPage(manager, "en")).contains("id=\"attended-in-window\">fewer than 11<");
		assertThat(loopPage(manager, "es")).contains("id=\"attended-in-window\">menos de 11<");

		this.signUps.takeAttendance(manager, program.id(), session,
				patients.stream().map(KinshipPrincipal::fhirUser).toList());
		Group latest = group();
		this.referrals.refer(clinician("p-" + UUID.randomUUID()), new ReferralForm(latest.id(), null, null));

		Referrals.Loop loop = this.referrals.loop(manager);
		assertThat(loop.attendedInWindow()).isGreaterThanOrEqualTo(11L);
		assertThat(loop.byState().get(ReferralState.ATTENDED)).isGreaterThanOrEqualTo(11L);
		assertThat(loop.latest()).as("the latest first")
			.first()
			.extracting(Referral::targetName)
			.isEqualTo(latest.name());
		assertThat(loop.latest())
			.filteredOn((referral) -> referral.programId() != null && referral.programId() == program.id())
			.extracting(Referral::state)
			.containsOnly(ReferralState.ATTENDED)
			.hasSize(11);
		String page = loopPage(manager, "en");
		assertThat(page).containsPattern("id=\"attended-in-window\">[0-9]+<")
			.contains(program.name())
			.contains("Attended a first session");
		patients.forEach((patient) -> assertThat(page).doesNotContain(patient.patientId()));
		assertThat(this.mvc.perform(get("/manage/referrals").session(StaffedGroups.session(patients.get(0))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private String loopPage(KinshipPrincipal manager, String language) throws Exception {
		return this.mvc
			.perform(get("/manage/referrals").session(StaffedGroups.session(manager))
				.locale(Locale.forLanguageTag(language))
				.header("Accept-Language", language))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private Group group() {
		return this.groups.create(clinician(null), new GroupForm("Referred " + UUID.randomUUID(), "A place to share.",
				"<p>Be kind.</p>", Audience.PATIENTS, true, GroupStatus.OPEN, "", "Q87.4", "", "", ""));
	}

	private String today() {
		return this.programs.today().toString();
	}

	private String inAMonth() {
		return this.programs.today().plusDays(30).toString();
	}

	private KinshipPrincipal clinician(String patientId) {
		return new KinshipPrincipal("sandbox", sandbox(), this.doctor, "Dr. Sarah Lin", KinshipRole.CLINICIAN,
				Set.of(CommunityRight.COMMUNITY_MANAGER), patientId, null, true,
				(patientId != null) ? "Maria Santos" : null, null, null, List.of(), Set.of("patient/Patient.rs"),
				Map.of());
	}

	private KinshipPrincipal patient(String patientId) {
		return new KinshipPrincipal("sandbox", sandbox(), "Patient/" + patientId, "Pat", KinshipRole.PATIENT, Set.of(),
				patientId, null, false, null, null, null, List.of(), Set.of(), Map.of());
	}

	private String sandbox() {
		return this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl();
	}

	/** Real time, moved ahead when a test asks. */
	static final class Movable extends Clock {

		private volatile Duration ahead = Duration.ZERO;

		@Override
		public Instant instant() {
			return Instant.now().plus(this.ahead);
		}

		void advance(Duration duration) {
			this.ahead = this.ahead.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException("Kinship reads time in UTC");
		}

	}

}
