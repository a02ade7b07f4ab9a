package org.kinship.groups;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinship.shared.Refused;
import org.kinship.OnMariaDb;
import org.kinship.groups.Membership.MembershipStatus;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Groups, code sets, staff and memberships stored on the real MariaDB and read back
 * through the module's API; refusals leave nothing half-saved.
 */
@SpringBootTest
class GroupsPersistenceIntegrationTests extends OnMariaDb {

	private static final String MANAGER = "Practitioner/dr-sarah-lin";

	private static final String FACILITATOR = "Practitioner/tom-alvarez";

	@Autowired
	GroupAdministration administration;

	@Autowired
	Memberships memberships;

	@Autowired
	GroupDirectory directory;

	@Autowired
	IssuerRegistry issuers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Test
	void remembersAPatientOnceWhenTheFirstLaunchesComeAtOnce() throws Exception {
		String patient = "p-" + UUID.randomUUID();
		var launch = new org.kinship.launch.MemberLaunched("sandbox", sandbox(), "Patient/" + patient,
				KinshipRole.PATIENT, patient);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		var start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<?>> launches = new java.util.ArrayList<>();
		for (int i = 0; i < 16; i++) {
			launches.add(pool.submit(() -> {
				start.await();
				this.events.publishEvent(launch);
				return null;
			}));
		}
		start.countDown();
		for (var each : launches) {
			each.get();
		}
		pool.shutdown();

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM kinship_patient WHERE patient_id = ?", Integer.class,
				patient))
			.isEqualTo(1);
	}

	@Test
	void seedsTheDemoGroupsForTheSandbox() {
		List<Group> listed = this.directory.listed(patient(), "");

		assertThat(listed).extracting(Group::name)
			.contains("Living with type 2 diabetes", "Heart failure support", "Breathing easier with COPD",
					"Epilepsy circle", "Chronic pain community", "Caring for someone with dementia");
		Group diabetes = this.directory.page(patient(), "living-with-type-2-diabetes").orElseThrow().group();
		assertThat(diabetes.codes().snomed()).containsExactly("44054006");
		assertThat(diabetes.codes().icd10()).containsExactly("E11.*");
		assertThat(diabetes.sponsors()).containsExactly(MANAGER);
		assertThat(diabetes.facilitators()).containsExactly(FACILITATOR);
	}

	@Test
	void showsASpanishReaderTheGroupsSpanishWordsWhereItHasThem() {
		String name = unique("Walkers");
		Group created = this.administration.create(manager(),
				new GroupForm(name, "We walk together.", "<p>Be kind.</p>", Audience.EVERYONE, true, GroupStatus.OPEN,
						"44054006", "", "Caminantes " + name, "", "<p>Sea amable.</p><script>x()</script>"));

		Group stored = this.directory.page(manager(), created.slug()).orElseThrow().group();
		Group spanish = stored.in(java.util.Locale.forLanguageTag("es-MX"));
		assertThat(spanish.name()).isEqualTo("Caminantes " + name);
		assertThat(spanish.description()).as("no Spanish description: the group's own").isEqualTo("We walk together.");
		assertThat(spanish.guidelines()).as("sanitized as the group's own").isEqualTo("<p>Sea amable.</p>");
		assertThat(stored.in(java.util.Locale.ENGLISH).name()).isEqualTo(name);
		assertThat(GroupForm.of(stored).nameEs()).isEqualTo("Caminantes " + name);
		assertThat(this.directory.listed(patient(), "caminantes " + name.toLowerCase(java.util.Locale.ROOT)))
			.as("found by its Spanish name")
			.extracting(Group::id)
			.containsExactly(created.id());

		this.administration.update(manager(), created.slug(), new GroupForm(name, "We walk together.",
				"<p>Be kind.</p>", Audience.EVERYONE, true, GroupStatus.OPEN, "44054006", "", "", "", ""));
		Group untranslated = this.directory.page(manager(), created.slug()).orElseThrow().group();
		assertThat(untranslated.in(java.util.Locale.forLanguageTag("es")).name()).isEqualTo(name);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM group_translation WHERE group_id = ?", Integer.class,
				created.id()))
			.isZero();
	}

	@Test
	void rendersMarkdownGuidelinesAndShowsTheirSourceBackInTheForm() {
		String name = unique("Markdown walkers");
		String guidelines = "# Our ways\n\nBe **kind**.\n\n- Listen\n- [Ask](https://example.org)\n\n<script>x()</script>";
		Group created = this.administration.create(manager(), new GroupForm(name, "We walk together.", guidelines,
				Audience.EVERYONE, true, GroupStatus.OPEN, "44054006", "", "", "", "Sea _amable_."));

		Group stored = this.directory.page(manager(), created.slug()).orElseThrow().group();
		assertThat(stored.guidelines()).startsWith("<h3>Our ways</h3>")
			.contains("<p>Be <strong>kind</strong>.</p>", "<li>Listen</li>",
					"<a href=\"https://example.org\" target=\"_blank\" rel=\"", "noopener", ">Ask</a>",
					"&lt;script&gt;")
			.doesNotContain("<script>");
		assertThat(stored.in(java.util.Locale.forLanguageTag("es")).guidelines())
			.isEqualTo("<p>Sea <em>amable</em>.</p>");
		GroupForm form = this.administration.form(stored);
		assertThat(form.guidelines()).isEqualTo(guidelines);
		assertThat(form.guidelinesEs()).isEqualTo("Sea _amable_.");

		this.administration.update(manager(), created.slug(), form.withGuidelines("Be *gentle*.", ""));
		Group edited = this.directory.page(manager(), created.slug()).orElseThrow().group();
		assertThat(edited.guidelines()).isEqualTo("<p>Be <em>gentle</em>.</p>");
		assertThat(this.administration.form(edited).guidelines()).isEqualTo("Be *gentle*.");
		assertThat(this.administration.form(edited).guidelinesEs()).isEmpty();
	}

	@Test
	void aGroupWithHtmlGuidelinesOnlyStillEditsAndShows() {
		String name = unique("Legacy walkers");
		Group created = this.administration.create(manager(), new GroupForm(name, "We walk together.",
				"<p>Be <b>kind</b>.</p>", Audience.EVERYONE, true, GroupStatus.OPEN, "44054006", "", "", "", ""));
		// as a group saved before Markdown: its guidelines are HTML with no source
		this.jdbc.update("UPDATE community_group SET guidelines = ?, guidelines_source = NULL WHERE id = ?",
				"<h2>Ways</h2><p>Be <b>kind</b>.</p>", created.id());
		Group legacy = this.directory.page(manager(), created.slug()).orElseThrow().group();

		GroupForm form = this.administration.form(legacy);
		assertThat(form.guidelines()).as("the HTML shown as it is").isEqualTo("<h2>Ways</h2><p>Be <b>kind</b>.</p>");
		this.administration.update(manager(), created.slug(), form);

		Group saved = this.directory.page(patient(), created.slug()).orElseThrow().group();
		assertThat(saved.guidelines()).isEqualTo("<h2>Ways</h2><p>Be <b>kind</b>.</p>");
		assertThat(this.jdbc.queryForObject("SELECT guidelines_source FROM community_group WHERE id = ?", String.class,
				created.id()))
			.isNull();
	}

	@Test
	void previewsGuidelinesForStaffOnly() {
		assertThat(this.administration.renderGuidelines(manager(), "Be **kind**"))
			.isEqualTo("<p>Be <strong>kind</strong></p>");
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.administration.renderGuidelines(patient(), "Be **kind**"))
			.satisfies((refused) -> assertThat(refused.kind()).isEqualTo(Refused.Kind.FORBIDDEN));
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.administration.renderGuidelines(manager(), "x".repeat(20_001)))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.guidelines-length"));
	}

	@Test
	void refusesASpanishNameTooShortAndSavesNothing() {
		String name = unique("Short");
		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.administration.create(manager(),
					new GroupForm(name, "We walk.", "<p>Be kind.</p>", Audience.EVERYONE, true, GroupStatus.OPEN,
							"44054006", "", "ab", "", "")))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.spanish-name"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM community_group WHERE name = ?", Integer.class, name))
			.isZero();
	}

	@Test
	void storesAGroupWithItsCodeSetAndSponsor() {
		String name = unique("Seizure support");
		Group created = this.administration.create(manager(),
				new GroupForm("  " + name + "  ", " Living with seizures. ", "<p>Be <strong>kind</strong>.</p>",
						Audience.EVERYONE, false, GroupStatus.OPEN, "84757009 128613002", "g40.* R56.9", "", "", ""));

		Group stored = this.directory.page(manager(), created.slug()).orElseThrow().group();
		assertThat(stored.issuer()).isEqualTo(sandbox());
		assertThat(stored.name()).isEqualTo(name);
		assertThat(stored.description()).isEqualTo("Living with seizures.");
		assertThat(stored.guidelines()).isEqualTo("<p>Be <strong>kind</strong>.</p>");
		assertThat(stored.audience()).isEqualTo(Audience.EVERYONE);
		assertThat(stored.listed()).isFalse();
		assertThat(stored.status()).isEqualTo(GroupStatus.OPEN);
		assertThat(stored.codes().snomed()).containsExactly("128613002", "84757009");
		assertThat(stored.codes().icd10()).containsExactly("G40.*", "R56.9");
		assertThat(stored.sponsors()).containsExactly(MANAGER);
		assertThat(stored.facilitators()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM group_code WHERE group_id = ?", Integer.class,
				stored.id()))
			.isEqualTo(4);
	}

	@Test
	void refusesADuplicateNameWithNothingHalfSaved() {
		String name = unique("Migraine circle");
		this.administration.create(manager(), form(name, "G43.*"));
		int groups = count("community_group");
		int codes = count("group_code");
		int staff = count("group_staff");

		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.administration.create(manager(),
					form(" " + name.toUpperCase(java.util.Locale.ROOT).replace(" ", "   ") + " ", "G43.9 R51.9")))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.group-name-taken"));

		assertThat(count("community_group")).isEqualTo(groups);
		assertThat(count("group_code")).isEqualTo(codes);
		assertThat(count("group_staff")).isEqualTo(staff);
	}

	@Test
	void refusesJoiningTwice() {
		Group group = this.administration.create(manager(), form(unique("Asthma friends"), "J45.*"));
		KinshipPrincipal patient = patient();
		this.memberships.join(patient, group.slug(), join("Sunny"));

		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.memberships.join(patient, group.slug(), join("Sunny again")))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.already"));

		assertThat(this.memberships.myData(patient).groups()).extracting(Memberships.MyData.GroupEntry::displayName)
			.containsExactly("Sunny");
	}

	@Test
	void membersCannotShareADisplayNameIgnoringCase() {
		Group group = this.administration.create(manager(), form(unique("Lupus circle"), "M32.*"));
		this.memberships.join(patient(), group.slug(), join("River Song"));

		assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> this.memberships.join(patient(), group.slug(), join("  river   SONG ")))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("groups.error.name-taken"));

		assertThat(this.directory.page(manager(), group.slug()).orElseThrow().members())
			.extracting(Membership::displayName)
			.containsExactly("River Song");
	}

	@Test
	void aLargeGroupsPageNamesTheFirstMembersAndTheListPagesAndFindsTheRest() {
		Group group = this.administration.create(manager(), form(unique("Asthma circle"), "J45.*"));
		for (int i = 0; i < 60; i++) {
			this.memberships.join(patient(), group.slug(), join("Member %02d".formatted(i)));
		}
		KinshipPrincipal wren = patient();
		this.memberships.join(wren, group.slug(), join("Wren_50"));
		KinshipPrincipal outsider = patient();
		// one peer mentor among the first names shown, one far past them
		this.jdbc.update("UPDATE group_member SET peer_mentor = TRUE WHERE group_id = ? AND display_name IN (?, ?)",
				group.id(), "Member 59", "Member 03");

		GroupDirectory.GroupPage page = this.directory.page(manager(), group.slug()).orElseThrow();
		assertThat(page.members()).hasSize(GroupDirectory.MEMBERS_SHOWN)
			.first()
			.extracting(Membership::displayName)
			.isEqualTo("Member 00");
		assertThat(page.everyMemberShown()).isFalse();
		assertThat(page.mentors()).as("every mentor, shown or not among the first names")
			.extracting(Membership::displayName)
			.containsExactly("Member 03", "Member 59");
		assertThat(page.membership()).as("the manager belongs to no group").isNull();
		assertThat(this.directory.page(wren, group.slug()).orElseThrow().membership())
			.as("a member's page knows their own membership")
			.extracting(Membership::displayName, Membership::status)
			.containsExactly("Wren_50", Membership.MembershipStatus.ACTIVE);

		GroupDirectory.MemberList second = this.directory.members(page, "", 2);
		assertThat(second.total()).isEqualTo(61);
		assertThat(second.pages()).isEqualTo(2);
		assertThat(second.members()).extracting(Membership::displayName)
			.hasSize(11)
			.startsWith("Member 50")
			.endsWith("Wren_50");
		assertThat(this.directory.members(page, "", 99).page()).as("a page past the end shows the last").isEqualTo(2);
		assertThat(this.directory.members(page, " WREN ", 1).members()).extracting(Membership::displayName)
			.containsExactly("Wren_50");
		assertThat(this.directory.members(page, "_5", 1).members()).as("wildcards are taken as typed")
			.extracting(Membership::displayName)
			.containsExactly("Wren_50");
		assertThat(this.directory.members(page, "50%", 1).total()).isZero();
		assertThat(this.directory.members(page, "member 5", 1).total()).isEqualTo(10);

		GroupDirectory.GroupPage outside = this.directory.page(outsider, group.slug()).orElseThrow();
		assertThat(outside.members()).isEmpty();
		assertThat(outside.mentors()).as("nor who mentors it").isEmpty();
		assertThat(outside.membership()).isNull();
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> this.directory.members(outside, "", 1))
			.satisfies((refused) -> assertThat(refused.kind()).isEqualTo(Refused.Kind.FORBIDDEN));
	}

	@Test
	void deletingMyContentRemovesMyMembershipsOnly() {
		Group listed = this.administration.create(manager(), form(unique("Crohn's and colitis"), "K50.*"));
		Group unlisted = this.administration.create(manager(),
				new GroupForm(unique("Colitis evenings"), "Evenings together.", "<p>Be kind.</p>", Audience.PATIENTS,
						false, GroupStatus.OPEN, "", "K51.*", "", "", ""));
		KinshipPrincipal me = patient();
		KinshipPrincipal other = patient();
		this.memberships.join(me, listed.slug(), join("Wren"));
		this.memberships.join(me, unlisted.slug(), join("Wren"));
		this.memberships.join(other, listed.slug(), join("Robin"));

		assertThat(this.memberships.myData(me).groups())
			.extracting(Memberships.MyData.GroupEntry::group, Memberships.MyData.GroupEntry::status)
			.containsExactlyInAnyOrder(tuple(listed.name(), MembershipStatus.ACTIVE.name()),
					tuple(unlisted.name(), MembershipStatus.PENDING.name()));
		assertThat(this.memberships.deleteMyContent(me)).isEqualTo(2);

		assertThat(this.memberships.myData(me).groups()).isEmpty();
		assertThat(this.memberships.myData(other).groups()).extracting(Memberships.MyData.GroupEntry::displayName)
			.containsExactly("Robin");
		assertThat(this.directory.page(manager(), listed.slug()).orElseThrow().members())
			.extracting(Membership::fhirUser)
			.containsExactly(other.fhirUser());
		assertThat(this.directory.page(manager(), unlisted.slug()).orElseThrow().pending()).isEmpty();
	}

	private GroupForm form(String name, String icd10) {
		return new GroupForm(name, "A place to share.", "<p>Be kind.</p>", Audience.PATIENTS, true, GroupStatus.OPEN,
				"", icd10, "", "", "");
	}

	private static JoinForm join(String displayName) {
		return new JoinForm(displayName, false, false, true);
	}

	private KinshipPrincipal manager() {
		return new KinshipPrincipal("sandbox", sandbox(), MANAGER, "Sarah Lin", KinshipRole.CLINICIAN,
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

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
