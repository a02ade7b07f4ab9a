package org.kinship.e2e;

import java.net.http.HttpResponse;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation against the running system, with members on real STOMP clients and the
 * facilitator on the review pages: held posts reach the group only when approved, flags
 * hide a message, sanctions keep members quiet or out, and the queue is only for the
 * group's own staff.
 */
class ModerationIntegrationTests {

	// the queue holds the items of every group the facilitator moderates, other tests'
	// too
	private static final Pattern ITEM = Pattern.compile("id=\"item-([0-9]+)\"[^>]*data-kind=\"([A-Z]+)\"(.*?)</li>",
			Pattern.DOTALL);

	private final RunningKinship system = RunningKinship.get();

	private final List<StompMember> online = new ArrayList<>();

	private LaunchedPerson facilitator;

	private String slug;

	private long groupId;

	@BeforeEach
	void groupOfItsOwn() throws Exception {
		this.system.passChatRateWindow();
		this.slug = CommunityGroups.facilitated(LaunchedPerson.launch(this.system, "dr-sarah-lin"), "Moderated");
		this.facilitator = LaunchedPerson.launch(this.system, CommunityGroups.FACILITATOR);
		this.groupId = CommunityGroups.id(this.facilitator, this.slug);
	}

	@AfterEach
	void disconnect() {
		this.online.forEach(StompMember::close);
	}

	@Test
	void aNewMembersFirstPostIsHeldUntilTheFacilitatorApprovesItThenTheGroupSeesItLive() throws Exception {
		newMembersReviewed(1);
		StompMember alfreda = member("Alfreda Wyman", "Alf");
		StompMember derek = member("Derek Becker", "Del");
		BlockingQueue<Map<String, Object>> derekSees = derek.follow(this.groupId);
		BlockingQueue<Map<String, Object>> queueSignals = StompMember.connect(this.facilitator)
			.followReview(this.groupId);

		Map<String, Object> reply = alfreda.sendAndAwait(this.groupId, clientId(), "Hello, I am new here");
		assertThat(reply.get("outcome")).isEqualTo("HELD");
		assertThat((String) reply.get("reason")).contains("facilitator");
		assertThat(queueSignals.poll(60, TimeUnit.SECONDS)).as("the open queue is told").isNotNull();
		assertThat(derekSees.poll(1, TimeUnit.SECONDS)).as("held messages are not delivered").isNull();
		assertThat(derek.since(this.groupId, 0)).isEmpty();

		String queue = page(this.facilitator, "/review");
		assertThat(queue).contains("Hello, I am new here").contains("Held");
		long item = item(queue, "HELD", "Hello, I am new here");
		decide(item, "APPROVE", "");

		Map<String, Object> delivered = derekSees.poll(60, TimeUnit.SECONDS);
		assertThat(delivered).as("approved, it arrives live").isNotNull();
		assertThat(delivered.get("html")).isEqualTo("<p>Hello, I am new here</p>");
		assertThat(derek.since(this.groupId, 0)).extracting((message) -> message.get("html"))
			.containsExactly("<p>Hello, I am new here</p>");
		assertThat(page(this.facilitator, "/review")).doesNotContain("id=\"item-" + item + "\"");
		Map<String, Object> second = alfreda.sendAndAwait(this.groupId, clientId(), "And a second one");
		assertThat(second.get("outcome")).as("only the first post is reviewed").isEqualTo("STORED");
	}

	@Test
	void aRejectedPostNeverReachesTheGroupAndItsAuthorReadsWhy() throws Exception {
		newMembersReviewed(2);
		LaunchedPerson merlinLaunch = LaunchedPerson.launch(this.system,
				SandboxPersonas.idOf(this.system, "Merlin Howell"));
		CommunityGroups.join(merlinLaunch, this.slug, "Mer");
		StompMember merlin = online(merlinLaunch);
		BlockingQueue<Map<String, Object>> told = merlin.followNotices();
		assertThat(merlin.sendAndAwait(this.groupId, clientId(), "Buy my supplements").get("outcome"))
			.isEqualTo("HELD");

		long item = item(page(this.facilitator, "/review"), "HELD", "Buy my supplements");
		String refused = this.facilitator.follow(decide(item, "REJECT", "")).body();
		assertThat(refused).as("a rejection needs a reason").contains("Please give a reason");
		decide(item, "REJECT", "Please do not advertise here.");
		Map<String, Object> notice = told.poll(60, TimeUnit.SECONDS);
		assertThat(notice).as("the author is told at once").isNotNull();
		assertThat(notice.get("decision")).isEqualTo("REJECT");
		assertThat(notice.get("reason")).isEqualTo("Please do not advertise here.");

		assertThat(merlin.since(this.groupId, 0)).isEmpty();
		assertThat(page(merlinLaunch, "/me/moderation")).contains("A facilitator did not approve your message.")
			.contains("Please do not advertise here.")
			.as("the decision names its group and quotes the post")
			.contains("href=\"/groups/" + this.slug + "\"")
			.contains("<blockquote class=\"excerpt\">Buy my supplements</blockquote>");
	}

	@Test
	void watchedWordsOfTheGroupRefuseMaskOrHoldAMessageAsTheFacilitatorChose() throws Exception {
		words("miracle cure", "BLOCK");
		words("darn", "CENSOR");
		String refused = this.facilitator
			.follow(this.facilitator.post("/review/groups/" + this.groupId + "/words",
					List.of("terms", "x".repeat(101), "action", "FLAG")))
			.body();
		assertThat(refused).contains("is too long");
		StompMember kirsten = member("Kirsten Witting", "Kir");

		Map<String, Object> blocked = kirsten.sendAndAwait(this.groupId, clientId(), "This MIRACLE  Cüre worked");
		assertThat(blocked.get("outcome")).isEqualTo("REFUSED");
		assertThat((String) blocked.get("reason")).contains("not allowed");
		Map<String, Object> masked = message(kirsten.sendAndAwait(this.groupId, clientId(), "Well, d4rn it"));
		assertThat((String) masked.get("html")).doesNotContain("d4rn").contains("■");
	}

	@Test
	void threeFlagsHideAMessageForEveryoneUntilTheFacilitatorBringsItBack() throws Exception {
		StompMember author = member("Mafalda Turcotte", "Maf");
		List<StompMember> flaggers = List.of(member("Kirsten Witting", "Kit"), member("Robby Becker", "Rob"),
				member("Derek Becker", "Dek"));
		BlockingQueue<Map<String, Object>> seen = flaggers.get(0).follow(this.groupId);
		Map<String, Object> stored = message(author.sendAndAwait(this.groupId, clientId(), "Stop taking your meds"));
		assertThat(seen.poll(60, TimeUnit.SECONDS)).isNotNull();

		Map<String, Object> own = author.change(this.groupId, flag(stored, "misinformation"));
		assertThat(own.get("outcome")).isEqualTo("REFUSED");
		for (StompMember flagger : flaggers) {
			Map<String, Object> answer = flagger.change(this.groupId, flag(stored, "misinformation"));
			assertThat(answer.get("outcome")).as(String.valueOf(answer.get("reason"))).isEqualTo("FLAGGED");
		}
		Map<String, Object> hidden = awaitMessage(seen, stored.get("id"));
		assertThat(hidden.get("deleted")).as("hidden after three flags").isEqualTo(true);
		assertThat(hidden.get("html")).isEqualTo("");

		String queue = page(this.facilitator, "/review");
		assertThat(queue).contains("Stop taking your meds").contains("flag: misinformation");
		decide(item(queue, "FLAGGED", "Stop taking your meds"), "APPROVE", "");
		Map<String, Object> back = awaitMessage(seen, stored.get("id"));
		assertThat(back.get("deleted")).isEqualTo(false);
		assertThat(back.get("html")).isEqualTo("<p>Stop taking your meds</p>");
	}

	@Test
	void aMutedMemberReadsButCannotPostAndASuspendedOneCannotFollow() throws Exception {
		LaunchedPerson jackiLaunch = LaunchedPerson.launch(this.system,
				SandboxPersonas.idOf(this.system, "Jacki Feil"));
		CommunityGroups.join(jackiLaunch, this.slug, "Jac");
		String fhirUser = "Patient/" + SandboxPersonas.idOf(this.system, "Jacki Feil");
		String file = "/review/groups/" + this.groupId + "/member?member=" + fhirUser;
		assertThat(page(this.facilitator, file)).contains("Sanctions in force");

		HttpResponse<String> muted = this.facilitator.submit(file, "sanction-form",
				List.of("kind", "MUTE", "hours", "2", "reason", "Cooling off after an argument"));
		assertThat(this.facilitator.follow(muted).body()).contains("Cooling off after an argument");
		StompMember jacki = online(jackiLaunch);
		Map<String, Object> refused = jacki.sendAndAwait(this.groupId, clientId(), "Let me speak");
		assertThat(refused.get("outcome")).isEqualTo("REFUSED");
		assertThat((String) refused.get("reason")).contains("muted").contains("Cooling off after an argument");
		assertThat(jacki.since(this.groupId, 0)).as("muted members still read").isNotNull();

		this.facilitator.submit(file, "sanction-form", List.of("kind", "SUSPEND", "reason", "Repeated insults"));
		assertThat(page(jackiLaunch, "/groups/" + this.slug)).doesNotContain("data-group-id");
		StompMember again = online(jackiLaunch);
		again.askToFollow(this.groupId);
		assertThat(again.refusal()).contains("You can only follow groups you belong to.");
		HttpResponse<String> ban = this.facilitator.submit(file, "sanction-form",
				List.of("kind", "BAN", "reason", "Spam"));
		assertThat(this.facilitator.follow(ban).body()).contains("Only community managers can ban");
	}

	@Test
	void membersNeverSeeTheQueueAndFacilitatorsDecideOnlyInTheirOwnGroups() throws Exception {
		LaunchedPerson manager = LaunchedPerson.launch(this.system, "dr-sarah-lin");
		String notHis = CommunityGroups.facilitated(manager, "Not Tom's");
		manager.post("/manage/groups/" + notHis + "/facilitators",
				List.of("fhirUser", "Practitioner/" + CommunityGroups.FACILITATOR, "assign", "false"));
		long otherGroup = CommunityGroups.id(manager, notHis);
		LaunchedPerson alfreda = LaunchedPerson.launch(this.system, SandboxPersonas.idOf(this.system, "Alfreda Wyman"));
		LaunchedPerson derek = LaunchedPerson.launch(this.system, SandboxPersonas.idOf(this.system, "Derek Becker"));
		CommunityGroups.join(alfreda, notHis, "Fre");
		CommunityGroups.join(derek, notHis, "Dee");
		Map<String, Object> stored = message(online(alfreda).sendAndAwait(otherGroup, clientId(), "Anyone around?"));
		assertThat(online(derek).change(otherGroup, flag(stored, "spam")).get("outcome")).isEqualTo("FLAGGED");

		assertThat(alfreda.get("/review").statusCode()).as("members never see the queue").isEqualTo(403);
		assertThat(page(this.facilitator, "/review")).doesNotContain("Anyone around?");
		long item = item(page(manager, "/review"), "FLAGGED", "Anyone around?");
		String answer = this.facilitator
			.follow(this.facilitator.post("/review/items/" + item, List.of("decision", "HIDE", "reason", "")))
			.body();
		assertThat(answer).contains("You can only act in the groups you moderate.");
		StompMember tom = online(this.facilitator);
		BlockingQueue<Map<String, Object>> signals = new java.util.concurrent.LinkedBlockingQueue<>();
		tom.askToFollowReview(otherGroup);
		assertThat(tom.refusal()).as("the queue topic of another group").isNotEmpty();
		assertThat(signals).isEmpty();
	}

	private void words(String term, String action) throws Exception {
		HttpResponse<String> added = this.facilitator.submit("/review/groups/" + this.groupId + "/words", "words-form",
				List.of("terms", term, "action", action));
		assertThat(this.facilitator.follow(added).body()).contains("Saved.").contains(term);
	}

	private void newMembersReviewed(int posts) throws Exception {
		HttpResponse<String> saved = this.facilitator.submit("/review/groups/" + this.groupId + "/settings",
				"settings-form", List.of("newMemberPosts", String.valueOf(posts)));
		assertThat(this.facilitator.follow(saved).body()).contains("Saved.");
	}

	private StompMember member(String name, String displayName) throws Exception {
		LaunchedPerson person = LaunchedPerson.launch(this.system, SandboxPersonas.idOf(this.system, name));
		CommunityGroups.join(person, this.slug, displayName);
		return online(person);
	}

	private StompMember online(LaunchedPerson person) throws Exception {
		StompMember member = StompMember.connect(this.system, person);
		this.online.add(member);
		return member;
	}

	private HttpResponse<String> decide(long item, String decision, String reason) throws Exception {
		HttpResponse<String> decided = this.facilitator.post("/review/items/" + item,
				List.of("decision", decision, "reason", reason));
		assertThat(decided.statusCode()).isEqualTo(302);
		return decided;
	}

	private static long item(String queue, String kind, String text) {
		Matcher item = ITEM.matcher(queue);
		while (item.find()) {
			if (item.group(2).equals(kind) && item.group(3).contains(text)) {
				return Long.parseLong(item.group(1));
			}
		}
		throw new AssertionError("no " + kind + " item about \"" + text + "\" in the queue:\n" + queue);
	}

	private static Map<String, Object> flag(Map<String, Object> message, String reason) {
		return Map.of("kind", "flag", "messageId", message.get("id"), "reason", reason);
	}

	private static Map<String, Object> awaitMessage(BlockingQueue<Map<String, Object>> queue, Object id)
			throws InterruptedException {
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (System.currentTimeMillis() < deadline) {
			Map<String, Object> next = queue.poll(500, TimeUnit.MILLISECONDS);
			if (next != null && id.equals(next.get("id"))) {
				return next;
			}
		}
		throw new AssertionError("message " + id + " did not arrive again");
	}

	private static String page(LaunchedPerson person, String path) throws Exception {
		HttpResponse<String> page = person.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		return page.body();
	}

	private static String clientId() {
		return UUID.randomUUID().toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> message(Map<String, Object> reply) {
		assertThat(reply.get("outcome")).as(String.valueOf(reply.get("reason"))).isEqualTo("STORED");
		return (Map<String, Object>) reply.get("message");
	}

}
