package org.kinship.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.e2e.StaffedGroup.Member;
import org.kinship.moderation.ModerationLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's controls against the running system, over real STOMP clients and plain HTTP:
 * slow mode, lock and pinned messages take effect for members at once, staff are exempt,
 * and only the group's own staff can change them, every request checked on the server.
 * Every change lands in the moderation log.
 */
class GroupControlsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern WRITTEN = Pattern
		.compile("<script type=\"application/json\" id=\"chat-controls\">([^<]*)</script>");

	private final RunningKinship system = RunningKinship.get();

	private final List<StompMember> online = new ArrayList<>();

	@BeforeEach
	void afterEarlierSends() {
		this.system.passChatRateWindow();
	}

	@AfterEach
	void disconnect() {
		this.online.forEach(StompMember::close);
		this.system.clock().release();
	}

	@Test
	void slowModeRefusesASecondMessageWithinTheWaitSayingHowLongAndAcceptsItAfter() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Slow circle", true);
		Member daniel = group.join("daniel-reyes", "Dan");
		assertThat(group.facilitator.submit("/groups/" + group.slug, "slow-mode-form", List.of("seconds", "2"))
			.statusCode()).isEqualTo(302);
		StompMember member = online(daniel.person());
		StompMember facilitator = online(group.facilitator);
		// time stands still until the test moves it: however slow the machine, the second
		// message comes too soon
		this.system.clock().hold();

		assertThat(send(member, group, "First, straight away").get("outcome")).isEqualTo("STORED");
		Map<String, Object> tooSoon = send(member, group, "Second, too soon");
		assertThat(tooSoon.get("outcome")).isEqualTo("REFUSED");
		assertThat((String) tooSoon.get("reason")).contains("one message every 2 seconds")
			.containsPattern("Please wait [12] seconds");
		assertThat(controls(daniel.person(), group).get("notices").toString())
			.contains("Slow mode is on: one message every 2 seconds.");

		assertThat(send(facilitator, group, "Staff are not slowed").get("outcome")).isEqualTo("STORED");
		assertThat(send(facilitator, group, "Not even a little").get("outcome")).isEqualTo("STORED");

		// let the two seconds pass, as the member would
		this.system.clock().advance(Duration.ofSeconds(2));
		assertThat(send(member, group, "Second, in good time").get("outcome")).isEqualTo("STORED");
		assertThat(logged(group)).contains("SLOW_MODE 2 s by Practitioner/tom-alvarez");
	}

	@Test
	void lockingTheGroupClosesMembersComposersLiveAndOpeningItAgainLetsThemPost() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Locked circle", true);
		Member emily = group.join("emily-chen", "Em");
		StompMember member = online(emily.person());
		BlockingQueue<Map<String, Object>> changes = member.followControls(group.id);

		assertThat(group.facilitator.submit("/groups/" + group.slug, "lock-form", List.of()).statusCode())
			.isEqualTo(302);
		assertThat(changes.poll(60, TimeUnit.SECONDS)).as("told live that the controls changed").isNotNull();
		JsonNode locked = controls(emily.person(), group);
		assertThat(locked.get("mayPost").asBoolean()).isFalse();
		assertThat(locked.get("notices").toString()).contains("This group is locked");
		Map<String, Object> refused = send(member, group, "Anyone there?");
		assertThat(refused.get("outcome")).isEqualTo("REFUSED");
		assertThat((String) refused.get("reason")).contains("This group is locked");
		assertThat(group.page(emily.person())).contains("This group is locked").contains("disabled");

		assertThat(group.facilitator.submit("/groups/" + group.slug, "lock-form", List.of()).statusCode())
			.isEqualTo(302);
		assertThat(changes.poll(60, TimeUnit.SECONDS)).isNotNull();
		assertThat(controls(emily.person(), group).get("mayPost").asBoolean()).isTrue();
		assertThat(send(member, group, "Open again").get("outcome")).isEqualTo("STORED");
		assertThat(logged(group)).contains("LOCK  by Practitioner/tom-alvarez", "UNLOCK  by Practitioner/tom-alvarez");
	}

	@Test
	void lockingTheGroupFromItsManagementPageAlsoTakesEffectLiveAndIsLogged() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Managed circle", true);
		Member emily = group.join("emily-chen", "Em");
		BlockingQueue<Map<String, Object>> changes = online(emily.person()).followControls(group.id);

		String page = group.manager.get("/manage/groups/" + group.slug).body();
		java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"name\"[^>]*value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(name.find()).isTrue();
		assertThat(group.manager.submit("/manage/groups/" + group.slug, "group-form",
				List.of("name", name.group(1), "description", "A place to share what helps.", "guidelines",
						"<p>Be kind.</p>", "audience", "PATIENTS", "status", "LOCKED", "snomedCodes", "", "icd10Codes",
						"Q87.4", "listed", "true", "action", "save"))
			.statusCode()).isEqualTo(302);
		assertThat(changes.poll(60, TimeUnit.SECONDS)).as("told live that the group is locked").isNotNull();
		assertThat(controls(emily.person(), group).get("mayPost").asBoolean()).isFalse();
		assertThat(logged(group)).contains("LOCK  by Practitioner/dr-sarah-lin");
	}

	@Test
	void aPinnedMessageShowsLiveAtTheTopForAnotherMemberUntilUnpinned() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Pinned circle", true);
		Member daniel = group.join("daniel-reyes", "Dan");
		Member emily = group.join("emily-chen", "Em");
		StompMember author = online(daniel.person());
		StompMember reader = online(emily.person());
		StompMember facilitator = online(group.facilitator);
		BlockingQueue<Map<String, Object>> readerSees = reader.followControls(group.id);
		@SuppressWarnings("unchecked")
		Map<String, Object> message = (Map<String, Object>) send(author, group, "Meeting notes are **here**")
			.get("message");

		Map<String, Object> refused = author.change(group.id, Map.of("kind", "pin", "messageId", message.get("id")));
		assertThat(refused.get("outcome")).isEqualTo("REFUSED");
		assertThat((String) refused.get("reason")).contains("Only this group's facilitators and community managers");
		assertThat(controls(emily.person(), group).get("pinned")).isEmpty();

		Map<String, Object> pinned = facilitator.change(group.id,
				Map.of("kind", "pin", "messageId", message.get("id")));
		assertThat(pinned.get("outcome")).isEqualTo("CHANGED");
		assertThat(readerSees.poll(60, TimeUnit.SECONDS)).as("told live").isNotNull();
		JsonNode shown = controls(emily.person(), group).get("pinned");
		assertThat(shown).hasSize(1);
		assertThat(shown.get(0).get("id").asLong()).isEqualTo(((Number) message.get("id")).longValue());
		assertThat(shown.get(0).get("html").asString()).isEqualTo("<p>Meeting notes are <strong>here</strong></p>");
		// the page carries the same answer for its script's first connection, escaped so
		// that the message's markup cannot close the block
		String page = group.page(emily.person());
		assertThat(page).doesNotContain("<strong>here</strong>");
		assertThat(written(page)).isEqualTo(controls(emily.person(), group));

		assertThat(facilitator.change(group.id, Map.of("kind", "unpin", "messageId", message.get("id"))).get("outcome"))
			.isEqualTo("CHANGED");
		assertThat(readerSees.poll(60, TimeUnit.SECONDS)).isNotNull();
		assertThat(controls(emily.person(), group).get("pinned")).isEmpty();
		assertThat(logged(group)).contains("PIN  by Practitioner/tom-alvarez", "UNPIN  by Practitioner/tom-alvarez");
	}

	@Test
	void membersAndFacilitatorsOfOtherGroupsCannotChangeAGroupsControls() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Guarded circle", false);
		Member daniel = group.join("daniel-reyes", "Dan");
		@SuppressWarnings("unchecked")
		Map<String, Object> message = (Map<String, Object>) send(online(daniel.person()), group, "Hello")
			.get("message");
		String pins = "/chat/groups/" + group.id + "/pins";
		// tom-alvarez facilitates the demo groups, not this one
		for (LaunchedPerson outsider : List.of(daniel.person(), group.facilitator)) {
			assertThat(outsider.post("/chat/groups/" + group.id + "/controls/slow-mode", List.of("seconds", "60"))
				.statusCode()).isEqualTo(403);
			assertThat(outsider.post("/chat/groups/" + group.id + "/controls/lock", List.of("locked", "true"))
				.statusCode()).isEqualTo(403);
			assertThat(outsider.post(pins, List.of("messageId", String.valueOf(message.get("id")), "pinned", "true"))
				.statusCode()).isEqualTo(403);
			assertThat(outsider
				.post("/sessions/groups/" + group.id,
						List.of("title", "Not mine", "start", "", "minutes", "30", "posting", "FACILITATORS"))
				.statusCode()).isEqualTo(403);
		}
		Map<String, Object> viaStomp = online(group.facilitator).change(group.id,
				Map.of("kind", "pin", "messageId", message.get("id")));
		assertThat(viaStomp.get("outcome")).isEqualTo("REFUSED");
		assertThat(group.facilitator.get("/chat/groups/" + group.id + "/controls").statusCode()).isEqualTo(403);
		assertThat(group.page(daniel.person())).doesNotContain("id=\"group-controls\"")
			.doesNotContain("id=\"schedule-session-form\"");

		JsonNode unchanged = controls(daniel.person(), group);
		assertThat(unchanged.get("slowModeSeconds").asInt()).isZero();
		assertThat(unchanged.get("locked").asBoolean()).isFalse();
		assertThat(unchanged.get("pinned")).isEmpty();
		assertThat(unchanged.get("notices")).isEmpty();
		assertThat(logged(group)).isEmpty();
	}

	private StompMember online(LaunchedPerson person) throws Exception {
		StompMember member = StompMember.connect(this.system, person);
		this.online.add(member);
		return member;
	}

	static Map<String, Object> send(StompMember member, StaffedGroup group, String text) throws Exception {
		return member.sendAndAwait(group.id, UUID.randomUUID().toString(), text);
	}

	static JsonNode controls(LaunchedPerson person, StaffedGroup group) throws Exception {
		HttpResponse<String> response = person.get("/chat/groups/" + group.id + "/controls");
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	static JsonNode written(String page) {
		Matcher block = WRITTEN.matcher(page);
		assertThat(block.find()).as("the controls written into the page").isTrue();
		return JSON.readTree(block.group(1));
	}

	/**
	 * The group's entries in the moderation log, oldest first, as "ACTION reason by
	 * actor".
	 */
	List<String> logged(StaffedGroup group) {
		List<String> entries = new ArrayList<>();
		this.system.kinshipBean(ModerationLog.class)
			.community("http://localhost:" + sandboxPort() + "/fhir", 500)
			.stream()
			.filter((logged) -> Long.valueOf(group.id).equals(logged.entry().groupId()))
			.forEach((logged) -> entries.add(0,
					logged.entry().action() + " " + logged.entry().reason() + " by " + logged.entry().actor()));
		return entries;
	}

	private String sandboxPort() {
		return this.system.sandboxUrl().substring(this.system.sandboxUrl().lastIndexOf(':') + 1);
	}

}
