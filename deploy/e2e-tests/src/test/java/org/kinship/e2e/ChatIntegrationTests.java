package org.kinship.e2e;

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
 * Group chat over a real STOMP client against the running system: members who launched
 * from the sandbox and joined a group chat live; every message is stored before it is
 * acknowledged, a retry stores nothing twice, catch-up returns each message once in
 * order, and bad frames and bad messages get plain answers.
 */
class ChatIntegrationTests {

	private static final Pattern GROUP_ID = Pattern.compile("data-group-id=\"([0-9]+)\"");

	private static final Pattern UNREAD = Pattern.compile("[0-9]+ new messages?");

	private static final String EPILEPSY = "epilepsy-circle";

	private final RunningKinship system = RunningKinship.get();

	private final List<StompMember> online = new java.util.ArrayList<>();

	private long groupId;

	// each test sends as members of its own, so that the rate limit of one test never
	// refuses another's messages
	private StompMember louis;

	private StompMember adalberto;

	@BeforeEach
	void twoMembersOnline() throws Exception {
		this.system.passChatRateWindow();
		LaunchedPerson first = member("Louis Maggio", "Lou");
		this.groupId = groupId(first);
		this.louis = online(first);
		this.adalberto = online(member("Adalberto Hartmann", "Bert"));
	}

	@AfterEach
	void disconnect() {
		this.online.forEach(StompMember::close);
		this.system.clock().release();
	}

	private StompMember online(LaunchedPerson person) throws Exception {
		StompMember member = StompMember.connect(this.system, person);
		this.online.add(member);
		return member;
	}

	@Test
	void aMessageIsAcknowledgedOnceStoredAndReachesTheOtherMember() throws Exception {
		BlockingQueue<Map<String, Object>> louisSees = this.louis.follow(this.groupId);
		String clientId = UUID.randomUUID().toString();
		Map<String, Object> reply = this.adalberto.sendAndAwait(this.groupId, clientId, "Hello **everyone**");

		assertThat(reply.get("outcome")).isEqualTo("STORED");
		Map<String, Object> stored = message(reply);
		Map<String, Object> received = louisSees.poll(60, TimeUnit.SECONDS);
		assertThat(received).isNotNull();
		assertThat(received.get("id")).isEqualTo(stored.get("id"));
		assertThat(received.get("seq")).isEqualTo(stored.get("seq"));
		assertThat((String) received.get("author")).startsWith("Bert-");
		assertThat(received.get("html")).isEqualTo("<p>Hello <strong>everyone</strong></p>");
		assertThat(received.toString()).doesNotContain("Patient/").doesNotContain("Hartmann");
	}

	@Test
	void theNodeSaysItSendsHeartbeatsAndAsksForTheMembers() throws Exception {
		// the node's heart-beats come from Kinship's own, a few sockets at a time; the
		// broker only asks for the member's and checks that they come
		assertThat(this.louis.connectedHeartbeat()).containsExactly(20_000, 20_000);
	}

	@Test
	void aRetryUnderTheSameClientIdReturnsTheStoredMessageAndStoresNothingTwice() throws Exception {
		BlockingQueue<Map<String, Object>> louisSees = this.louis.follow(this.groupId);
		StompMember daniel = online(memberById("daniel-reyes", "Dan"));
		String clientId = UUID.randomUUID().toString();
		Map<String, Object> first = message(daniel.sendAndAwait(this.groupId, clientId, "Only once"));
		Map<String, Object> again = message(daniel.sendAndAwait(this.groupId, clientId, "Only once"));

		assertThat(again.get("id")).isEqualTo(first.get("id"));
		assertThat(again.get("seq")).isEqualTo(first.get("seq"));
		assertThat(louisSees.poll(60, TimeUnit.SECONDS)).extracting((message) -> message.get("id"))
			.isEqualTo(first.get("id"));
		assertThat(louisSees.poll(1, TimeUnit.SECONDS)).as("no second delivery").isNull();
		long before = ((Number) first.get("seq")).longValue() - 1;
		assertThat(this.louis.since(this.groupId, before)).extracting((message) -> message.get("clientId"))
			.containsOnlyOnce(clientId);
	}

	@Test
	void catchUpReturnsEveryMessageAfterTheLastSeenOnceAndInOrder() throws Exception {
		long start = 0;
		for (int i = 0; i < 4; i++) {
			Map<String, Object> stored = message(
					this.louis.sendAndAwait(this.groupId, UUID.randomUUID().toString(), "Catch-up " + i));
			if (i == 0) {
				start = ((Number) stored.get("seq")).longValue() - 1;
			}
		}
		List<Map<String, Object>> missed = this.adalberto.since(this.groupId, start);
		List<Long> seqs = missed.stream().map((message) -> ((Number) message.get("seq")).longValue()).toList();
		assertThat(seqs).isSorted().doesNotHaveDuplicates();
		assertThat(missed).extracting((message) -> message.get("html"))
			.containsSubsequence("<p>Catch-up 0</p>", "<p>Catch-up 1</p>", "<p>Catch-up 2</p>", "<p>Catch-up 3</p>");
	}

	@Test
	void badMessagesAreRefusedWithAReasonAndNothingIsStored() throws Exception {
		StompMember oralia = online(member("Oralia Stark", "Ora"));
		String tooLong = "x".repeat(4001);
		Map<String, Object> refused = oralia.sendAndAwait(this.groupId, UUID.randomUUID().toString(), tooLong);
		assertThat(refused.get("outcome")).isEqualTo("REFUSED");
		assertThat((String) refused.get("reason")).contains("at most 4,000 characters");

		Map<String, Object> empty = oralia.sendAndAwait(this.groupId, UUID.randomUUID().toString(), "   ");
		assertThat((String) empty.get("reason")).contains("Your message is empty");

		Map<String, Object> script = message(oralia.sendAndAwait(this.groupId, UUID.randomUUID().toString(),
				"<script>alert(1)</script> [click](javascript:alert(2)) ![x](https://tracker.example/p.png)"));
		assertThat((String) script.get("html")).doesNotContain("<script")
			.doesNotContain("javascript:")
			.doesNotContain("<img")
			.contains("&lt;script&gt;");
	}

	@Test
	void aMessageOfFourThousandCharactersGoesThroughWhole() throws Exception {
		BlockingQueue<Map<String, Object>> louisSees = this.louis.follow(this.groupId);
		StompMember jacki = online(memberById("daniel-reyes", "Dan"));
		// two bytes each in UTF-8: a frame of more than 8 KB, read by the server in
		// pieces
		String longest = "é".repeat(3998) + "\"!";
		Map<String, Object> stored = message(jacki.sendAndAwait(this.groupId, UUID.randomUUID().toString(), longest));

		Map<String, Object> received = louisSees.poll(60, TimeUnit.SECONDS);
		assertThat(received).isNotNull();
		assertThat(received.get("id")).isEqualTo(stored.get("id"));
		assertThat((String) received.get("html")).contains("é".repeat(3998));
	}

	@Test
	void aLargeFrameIsReadWholeAndOnlyAFrameOverTheLimitIsAnsweredWithAnErrorFrame() throws Exception {
		StompMember evelyn = online(memberById("emily-chen", "Em"));
		Map<String, Object> tooLong = evelyn.sendAndAwait(this.groupId, UUID.randomUUID().toString(),
				"x".repeat(20_000));
		assertThat((String) tooLong.get("reason")).as("a 20 KB frame is read, then refused in words")
			.contains("at most 4,000 characters");
		assertThat(evelyn.connected()).isTrue();

		evelyn.sendOversized(this.groupId, "x".repeat(70_000));
		assertThat(evelyn.error()).as("told as too large, with the limit, before the socket closes")
			.contains("That frame is too large: at most 65536 bytes.");
	}

	@Test
	void sendingTooFastIsRefusedWithAPlainMessage() throws Exception {
		StompMember walter = online(memberById("walter-brooks", "Walt"));
		// the burst happens at one moment, however slow the machine
		this.system.clock().hold();
		String outcome = "";
		Map<String, Object> reply = Map.of();
		for (int i = 0; i < 6 && !"REFUSED".equals(outcome); i++) {
			reply = walter.sendAndAwait(this.groupId, UUID.randomUUID().toString(), "Burst " + i);
			outcome = (String) reply.get("outcome");
		}
		assertThat(reply.get("outcome")).isEqualTo("REFUSED");
		assertThat((String) reply.get("reason")).contains("at most 5 every 10 seconds");
	}

	@Test
	void someoneOutsideTheGroupCannotFollowItOrPostInIt() throws Exception {
		LaunchedPerson outsider = LaunchedPerson.launch(this.system, SandboxPersonas.idOf(this.system, "Michele Wolf"));
		try (StompMember michele = StompMember.connect(this.system, outsider)) {
			Map<String, Object> refused = michele.sendAndAwait(this.groupId, UUID.randomUUID().toString(), "Hi");
			assertThat(refused.get("outcome")).isEqualTo("REFUSED");
			assertThat((String) refused.get("reason")).contains("Only members of this group");
			michele.askToFollow(this.groupId);
			assertThat(michele.refusal()).contains("You can only follow groups you belong to");
			assertThat(michele.connected()).as("a refused subscription leaves the socket open").isTrue();
		}
	}

	@Test
	void membersEditAndDeleteTheirOwnMessagesReactAndMentionEachOther() throws Exception {
		BlockingQueue<Map<String, Object>> bertSees = this.adalberto.follow(this.groupId);
		StompMember daniel = online(memberById("daniel-reyes", "Dan"));
		Map<String, Object> bertsOwn = message(
				this.adalberto.sendAndAwait(this.groupId, UUID.randomUUID().toString(), "Hi"));
		String bert = (String) bertsOwn.get("author");
		Map<String, Object> original = message(
				daniel.sendAndAwait(this.groupId, UUID.randomUUID().toString(), "Thanks @" + bert + "!"));
		assertThat(original.get("mentions")).isEqualTo(List.of(bert));
		Object id = original.get("id");

		Map<String, Object> edited = changed(
				daniel.change(this.groupId, Map.of("kind", "edit", "messageId", id, "text", "Thanks a lot @" + bert)));
		assertThat(edited.get("edited")).isEqualTo(true);
		// the sanitizer writes @ as a character reference; browsers show it as typed
		assertThat(edited.get("html")).isEqualTo("<p>Thanks a lot &#64;" + bert + "</p>");
		assertThat(awaitVersion(bertSees, id, (message) -> Boolean.TRUE.equals(message.get("edited"))))
			.as("the edit reaches the other member")
			.isNotNull();

		Map<String, Object> notHis = this.adalberto.change(this.groupId,
				Map.of("kind", "edit", "messageId", id, "text", "Hijacked"));
		assertThat((String) notHis.get("reason")).contains("only change your own messages");

		Map<String, Object> reacted = changed(this.adalberto.change(this.groupId,
				Map.of("kind", "react", "messageId", id, "emoji", "🙏", "on", true)));
		assertThat(reacted.get("reactions")).isEqualTo(Map.of("🙏", List.of(bert)));
		assertThat((String) this.adalberto
			.change(this.groupId, Map.of("kind", "react", "messageId", id, "emoji", "💩", "on", true))
			.get("reason")).contains("reaction is not available");

		Map<String, Object> deleted = changed(daniel.change(this.groupId, Map.of("kind", "delete", "messageId", id)));
		assertThat(deleted.get("deleted")).isEqualTo(true);
		assertThat(deleted.get("html")).isEqualTo("");
		long before = ((Number) original.get("seq")).longValue() - 1;
		assertThat(this.adalberto.since(this.groupId, before)).filteredOn((message) -> id.equals(message.get("id")))
			.singleElement()
			.satisfies((message) -> assertThat(message.get("deleted")).isEqualTo(true))
			.satisfies((message) -> assertThat(message.toString()).doesNotContain("Thanks a lot"));
	}

	@Test
	void onlyMembersWhoChooseItShowAsOnlineAndTypingIsShownWhileItLasts() throws Exception {
		BlockingQueue<Map<String, Object>> activity = this.louis.followActivity(this.groupId);
		Map<String, Object> louisMessage = message(
				this.adalberto.sendAndAwait(this.groupId, UUID.randomUUID().toString(), "Presence check"));
		String lou = (String) louisMessage.get("author");

		this.louis.showOnline(this.groupId, false);
		assertThat(awaitActivity(activity, (update) -> true).get("online")).asList().doesNotContain(lou);
		this.adalberto.showOnline(this.groupId, true);
		assertThat(awaitActivity(activity, (update) -> ((List<?>) update.get("online")).contains(lou))).isNotNull();
		this.adalberto.typing(this.groupId);
		assertThat(awaitActivity(activity, (update) -> ((List<?>) update.get("typing")).contains(lou))).isNotNull();
		this.adalberto.showOnline(this.groupId, false);
		assertThat(awaitActivity(activity, (update) -> !((List<?>) update.get("online")).contains(lou))).isNotNull();
	}

	private static Map<String, Object> awaitActivity(BlockingQueue<Map<String, Object>> queue,
			java.util.function.Predicate<Map<String, Object>> wanted) throws InterruptedException {
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (System.currentTimeMillis() < deadline) {
			Map<String, Object> update = queue.poll(200, TimeUnit.MILLISECONDS);
			if (update != null && wanted.test(update)) {
				return update;
			}
		}
		throw new AssertionError("No such activity update");
	}

	@Test
	void theHistoryPageOverHttpHoldsTheLatestMessagesForMembersOnly() throws Exception {
		LaunchedPerson person = member("Louis Maggio", "Lou");
		// letters only: a UUID's digits, twelve in a row now and then, read as a phone
		// number, and screening rightly holds the message
		String text = "History " + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		message(this.louis.sendAndAwait(this.groupId, UUID.randomUUID().toString(), text));
		var history = person.get("/chat/groups/" + this.groupId + "/messages");
		assertThat(history.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("json"));
		assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
		assertThat(history.body()).contains(text).contains("\"lastReadSeq\"");
		LaunchedPerson outsider = LaunchedPerson.launch(this.system, SandboxPersonas.idOf(this.system, "Michele Wolf"));
		var refused = outsider.get("/chat/groups/" + this.groupId + "/messages");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Only members of this group").doesNotContain(text);
		assertThat(person.get("/").body()).as("unread count on the home page").containsPattern("[0-9]+ new messages?");
		this.louis.markRead(this.groupId, Long.MAX_VALUE);
		// the marker is stored once the frame is handled, which the socket does not
		// answer
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (UNREAD.matcher(person.get("/").body()).find() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(person.get("/").body()).as("read up to the last message")
			.doesNotContainPattern("[0-9]+ new messages?");
		assertThat(outsider.get("/groups/" + EPILEPSY).body()).as("no discussion on the page of a non-member")
			.doesNotContain("id=\"chat\"")
			.doesNotContain(text);
	}

	@Test
	void whenTheDatabaseFailsASendIsToldItWasNotStoredAndNothingAppearsLater() throws Exception {
		StompMember ora = online(member("Oralia Stark", "Ora"));
		BlockingQueue<Map<String, Object>> louisSees = this.louis.follow(this.groupId);
		var jdbc = this.system.kinshipBean(org.springframework.jdbc.core.JdbcTemplate.class);
		String clientId = UUID.randomUUID().toString();
		jdbc.execute("ALTER TABLE chat_message RENAME TO chat_message_away");
		Map<String, Object> failed;
		try {
			failed = ora.sendAndAwait(this.groupId, clientId, "Written while the database is away");
		}
		finally {
			jdbc.execute("ALTER TABLE chat_message_away RENAME TO chat_message");
		}
		assertThat(failed.get("outcome")).isEqualTo("FAILED");
		assertThat((String) failed.get("reason")).contains("was not saved");
		assertThat(louisSees.poll(1, TimeUnit.SECONDS)).as("nothing delivered").isNull();
		assertThat(this.louis.since(this.groupId, 0)).extracting((message) -> message.get("clientId"))
			.doesNotContain(clientId);

		// the page keeps the text and sends it again under the same id once the database
		// is back
		assertThat(ora.sendAndAwait(this.groupId, clientId, "Written while the database is away").get("outcome"))
			.isEqualTo("STORED");
	}

	@Test
	void signingOutClosesTheMembersSocket() throws Exception {
		LaunchedPerson person = member("Oralia Stark", "Ora");
		StompMember oralia = online(person);
		assertThat(oralia.connected()).isTrue();
		assertThat(person.post("/logout", List.of()).statusCode()).isEqualTo(302);
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (oralia.connected() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(oralia.connected()).as("socket closed when the session ended").isFalse();
	}

	// only people with epilepsy join this group here: anyone else joining would change
	// what the group suggestion tests see on their home page
	private LaunchedPerson member(String name, String displayName) throws Exception {
		return memberById(SandboxPersonas.idOf(this.system, name), displayName);
	}

	private LaunchedPerson memberById(String persona, String displayName) throws Exception {
		LaunchedPerson person = LaunchedPerson.launch(this.system, persona);
		String page = person.get("/groups/" + EPILEPSY).body();
		if (!page.contains("You are a member as")) {
			var joined = person.submit("/groups/" + EPILEPSY + "/join", "join-form", List.of("displayName",
					displayName + "-" + UUID.randomUUID().toString().substring(0, 8), "acceptGuidelines", "true"));
			assertThat(joined.statusCode()).as("joined " + EPILEPSY).isEqualTo(302);
		}
		return person;
	}

	private static long groupId(LaunchedPerson person) throws Exception {
		Matcher matcher = GROUP_ID.matcher(person.get("/groups/" + EPILEPSY).body());
		assertThat(matcher.find()).as("the chat on the group page").isTrue();
		return Long.parseLong(matcher.group(1));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> changed(Map<String, Object> reply) {
		assertThat(reply.get("outcome")).as(String.valueOf(reply.get("reason"))).isEqualTo("CHANGED");
		return (Map<String, Object>) reply.get("message");
	}

	private static Map<String, Object> awaitVersion(BlockingQueue<Map<String, Object>> queue, Object id,
			java.util.function.Predicate<Map<String, Object>> wanted) throws InterruptedException {
		long deadline = System.currentTimeMillis() + StompMember.PATIENCE.toMillis();
		while (System.currentTimeMillis() < deadline) {
			Map<String, Object> message = queue.poll(200, TimeUnit.MILLISECONDS);
			if (message != null && id.equals(message.get("id")) && wanted.test(message)) {
				return message;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> message(Map<String, Object> reply) {
		assertThat(reply.get("outcome")).as(String.valueOf(reply.get("reason"))).isEqualTo("STORED");
		return (Map<String, Object>) reply.get("message");
	}

}
