package org.kinship.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.e2e.StaffedGroup.Member;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.e2e.GroupControlsIntegrationTests.controls;
import static org.kinship.e2e.GroupControlsIntegrationTests.send;

/**
 * Facilitated live sessions against the running system: while a facilitator-only session
 * is live members' messages are refused with the time it ends and the facilitator's go
 * through; members see it on the group's page; when the facilitator ends it the summary
 * is kept with the attendance and the messages posted during it.
 */
class LiveSessionsIntegrationTests {

	private static final Pattern ENDS_AT = Pattern.compile("it ends at ([0-9]{2}:[0-9]{2})");

	private final RunningKinship system = RunningKinship.get();

	private final List<StompMember> online = new ArrayList<>();

	@BeforeEach
	void afterEarlierSends() {
		this.system.passChatRateWindow();
	}

	@AfterEach
	void disconnect() {
		this.online.forEach(StompMember::close);
	}

	@Test
	void aFacilitatorOnlySessionRefusesMembersMessagesAndKeepsTheFacilitatorsAndItsSummary() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Session circle", true);
		Member daniel = group.join("daniel-reyes", "Dan");
		Member emily = group.join("emily-chen", "Em");
		StompMember member = online(daniel.person());
		StompMember facilitator = online(group.facilitator);
		BlockingQueue<Map<String, Object>> changes = member.followControls(group.id);

		assertThat(send(member, group, "Before the session").get("outcome")).isEqualTo("STORED");
		assertThat(
				group.facilitator
					.submit("/groups/" + group.slug, "schedule-session-form",
							List.of("title", "Sleep and seizures", "start", "", "minutes", "30", "posting",
									"FACILITATORS"))
					.statusCode())
			.isEqualTo(302);
		assertThat(changes.poll(60, TimeUnit.SECONDS)).as("told live that a session started").isNotNull();

		JsonNode composer = controls(daniel.person(), group);
		assertThat(composer.get("mayPost").asBoolean()).isFalse();
		assertThat(composer.get("notices").toString()).contains("Only the facilitators post during this live session");
		String page = group.page(daniel.person());
		assertThat(page).contains("id=\"live-session\"").contains("Sleep and seizures").contains("Live now");
		Map<String, Object> refused = send(member, group, "May I ask something?");
		assertThat(refused.get("outcome")).isEqualTo("REFUSED");
		Matcher endsAt = ENDS_AT.matcher((String) refused.get("reason"));
		assertThat(endsAt.find()).as((String) refused.get("reason")).isTrue();
		assertThat((String) refused.get("reason"))
			.isEqualTo("Only the facilitators post during this live session; it ends at " + endsAt.group(1) + ".");
		assertThat(send(facilitator, group, "Welcome, tonight we talk about **sleep**").get("outcome"))
			.isEqualTo("STORED");
		assertThat(send(facilitator, group, "Keep a sleep diary").get("outcome")).isEqualTo("STORED");
		// emily-chen has not opened the group during the session
		assertThat(group.page(group.facilitator)).contains("Who attended: " + daniel.name() + "</p>");

		assertThat(group.facilitator
			.submit("/groups/" + group.slug, "end-session-form",
					List.of("summary", "We shared what helps with sleep: a diary, a routine."))
			.statusCode()).isEqualTo(302);
		assertThat(send(member, group, "Thank you!").get("outcome")).as("open again after the session")
			.isEqualTo("STORED");

		String after = pastSession(group.page(daniel.person()));
		assertThat(after).contains("Sleep and seizures")
			.contains("1 member attended")
			.contains("We shared what helps with sleep: a diary, a routine.")
			.contains("2 messages were posted during the session")
			.contains("<p>Welcome, tonight we talk about <strong>sleep</strong></p>")
			.contains("<p>Keep a sleep diary</p>")
			.doesNotContain("Before the session")
			.doesNotContain("Thank you!")
			.doesNotContain("Who attended");
		assertThat(pastSession(group.page(group.facilitator))).contains("Who attended: " + daniel.name() + "</p>");
		assertThat(group.page(emily.person())).doesNotContain("id=\"live-session\"");
		assertThat(controls(daniel.person(), group).get("mayPost").asBoolean()).isTrue();
	}

	@Test
	void anOpenSessionLetsMembersPostAndCountsThemAsAttending() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Open session circle", true);
		Member emily = group.join("emily-chen", "Em");
		StompMember member = online(emily.person());
		assertThat(group.facilitator
			.submit("/groups/" + group.slug, "schedule-session-form",
					List.of("title", "Open questions", "start", "", "minutes", "15", "posting", "OPEN"))
			.statusCode()).isEqualTo(302);

		assertThat(controls(emily.person(), group).get("notices").toString())
			.contains("Live session \u201cOpen questions\u201d", "everyone can post");
		assertThat(send(member, group, "A question from me").get("outcome")).isEqualTo("STORED");
		assertThat(group.page(group.facilitator)).contains("1 member here")
			.contains("Who attended: " + emily.name() + "</p>");
	}

	@Test
	void aSessionIsScheduledAheadStartedByTheFacilitatorAndRefusedToOthers() throws Exception {
		StaffedGroup group = StaffedGroup.create(this.system, "Scheduled circle", true);
		Member daniel = group.join("daniel-reyes", "Dan");
		String tomorrow = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
			.plusDays(1)
			.withSecond(0)
			.withNano(0)
			.toString();
		assertThat(group.facilitator
			.submit("/groups/" + group.slug, "schedule-session-form",
					List.of("title", "Tomorrow's talk", "start", tomorrow, "minutes", "45", "posting", "FACILITATORS"))
			.statusCode()).isEqualTo(302);
		String page = group.page(daniel.person());
		assertThat(page).contains("id=\"upcoming-sessions\"")
			.contains("Tomorrow&#39;s talk")
			.doesNotContain("id=\"live-session\"")
			.doesNotContain("Start now");
		assertThat(controls(daniel.person(), group).get("mayPost").asBoolean()).isTrue();

		Matcher start = Pattern.compile("id=\"start-session-([0-9]+)\"").matcher(group.page(group.facilitator));
		assertThat(start.find()).isTrue();
		String startPath = "/sessions/groups/" + group.id + "/" + start.group(1) + "/start";
		assertThat(daniel.person().post(startPath, List.of()).statusCode()).isEqualTo(403);
		assertThat(controls(daniel.person(), group).get("mayPost").asBoolean()).isTrue();
		assertThat(group.facilitator.submit("/groups/" + group.slug, "start-session-" + start.group(1), List.of())
			.statusCode()).isEqualTo(302);
		assertThat(controls(daniel.person(), group).get("mayPost").asBoolean()).isFalse();
		assertThat(group.page(daniel.person())).contains("id=\"live-session\"").contains("Tomorrow&#39;s talk");
	}

	private static String pastSession(String page) {
		Matcher past = Pattern.compile("<ul id=\"past-sessions\"(.*?)</ul>", Pattern.DOTALL).matcher(page);
		assertThat(past.find()).as("past sessions on the page").isTrue();
		return past.group(1);
	}

	private StompMember online(LaunchedPerson person) throws Exception {
		StompMember member = StompMember.connect(this.system, person);
		this.online.add(member);
		return member;
	}

}
