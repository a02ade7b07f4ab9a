package org.kinship.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.moderation.Flags.FlagReason;
import org.kinship.moderation.ModerationSettings.Overrides;
import org.kinship.moderation.ReviewQueue.Item;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.moderation.Sanctions.Sanction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The moderation module's records on the real MariaDB: the queue's order and decisions,
 * flags, sanctions and their expiry, settings falling back from group to community to
 * configuration, and watched words as screening uses them. Each test works in a health
 * system of its own.
 */
@SpringBootTest(properties = "kinship.moderation.new-member-posts=2")
class ModerationPersistenceIntegrationTests {

	private final String issuer = "https://ehr-" + UUID.randomUUID() + ".example/fhir";

	@DynamicPropertySource
	static void mariaDb(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
	}

	@Autowired
	ReviewQueue queue;

	@Autowired
	Flags flags;

	@Autowired
	Sanctions sanctions;

	@Autowired
	ModerationSettings settings;

	@Autowired
	WatchedWords words;

	@Autowired
	Screening screening;

	@Test
	void theQueueShowsUrgentItemsFirstThenTheOldestAndADecisionClosesEveryItemAboutTheMessage() {
		this.queue.enqueue(this.issuer, 1, 101, "Patient/a", Kind.FLAGGED, "flag: spam", null);
		this.queue.enqueue(this.issuer, 2, 102, "Patient/b", Kind.HELD, "new member", null);
		this.queue.enqueue(this.issuer, 1, 103, "Patient/c", Kind.ESCALATED, "crisis", Duration.ofMinutes(15));
		this.queue.enqueue(this.issuer, 1, 103, "Patient/c", Kind.FLAGGED, "flag: worried", null);
		this.queue.enqueue(this.issuer, 3, 104, "Patient/d", Kind.HELD, "not this facilitator's group", null);

		List<Item> open = this.queue.open(this.issuer, List.of(1L, 2L));
		assertThat(open).extracting(Item::messageId).containsExactly(103L, 101L, 102L);
		assertThat(open.get(0).urgent()).isTrue();
		assertThat(open.get(0).dueAt()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
		assertThat(open.get(0).reasons()).as("a flag joins the urgent card").isEqualTo("crisis; flag: worried");

		assertThat(this.queue.resolve(this.issuer, 1, 103, "Practitioner/tom", "APPROVE")).isEqualTo(1);
		assertThat(this.queue.open(this.issuer, List.of(1L, 2L))).extracting(Item::messageId)
			.containsExactly(101L, 102L);
	}

	@Test
	void moreFlagsOfOneMessageAddTheirReasonsToOneItemAndEachMemberCountsOnce() {
		this.queue.enqueue(this.issuer, 1, 201, "Patient/a", Kind.FLAGGED, "flag: spam", null);
		this.queue.enqueue(this.issuer, 1, 201, "Patient/a", Kind.FLAGGED, "flag: unkind", null);
		assertThat(this.queue.open(this.issuer, List.of(1L))).singleElement()
			.satisfies((item) -> assertThat(item.reasons()).isEqualTo("flag: spam; flag: unkind"));

		long message = 200_000 + (long) (Math.random() * 1_000_000);
		assertThat(this.flags.flag(message, "Patient/x", FlagReason.SPAM)).isEqualTo(1);
		assertThat(this.flags.flag(message, "Patient/x", FlagReason.UNKIND)).isEqualTo(1);
		assertThat(this.flags.flag(message, "Patient/y", FlagReason.SPAM)).isEqualTo(2);
	}

	@Test
	void anEscalationIsTakenByOnePersonOnly() {
		long id = this.queue.enqueue(this.issuer, 1, 301, "Patient/a", Kind.ESCALATED, "crisis", Duration.ofMinutes(5));
		Item item = this.queue.find(this.issuer, id).orElseThrow();

		assertThat(this.queue.acknowledge(item, "Practitioner/tom")).isTrue();
		assertThat(this.queue.acknowledge(item, "Practitioner/sarah")).isFalse();
		assertThat(this.queue.find(this.issuer, id).orElseThrow().acknowledgedBy()).isEqualTo("Practitioner/tom");
		assertThat(this.queue.find("https://another.example/fhir", id)).as("other health systems see nothing")
			.isEmpty();
	}

	@Test
	void aPleaseLookItemRaisedToUrgentStartsItsCountdownAndIsTakenOnce() {
		long id = this.queue.enqueue(this.issuer, 1, 401, "Patient/a", Kind.LOOK, "crisis: uncertain", null);
		Item look = this.queue.find(this.issuer, id).orElseThrow();
		assertThat(look.urgent()).isFalse();
		assertThat(look.dueAt()).isNull();

		assertThat(this.queue.escalate(look, Duration.ofMinutes(15))).isTrue();
		assertThat(this.queue.escalate(look, Duration.ofMinutes(15))).as("raised once").isFalse();
		Item urgent = this.queue.find(this.issuer, id).orElseThrow();
		assertThat(urgent.kind()).isEqualTo(Kind.ESCALATED);
		assertThat(urgent.urgent()).isTrue();
		assertThat(urgent.dueAt()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
	}

	@Test
	void aHandOverGivesTheItemToTheColleagueAndKeepsWhenItWasFirstTaken() {
		long id = this.queue.enqueue(this.issuer, 1, 402, "Patient/a", Kind.ESCALATED, "crisis", Duration.ofMinutes(5));
		Item item = this.queue.find(this.issuer, id).orElseThrow();
		this.queue.acknowledge(item, "Practitioner/tom");
		Instant taken = this.queue.find(this.issuer, id).orElseThrow().acknowledgedAt();

		this.queue.handOver(item, "Practitioner/sarah");

		Item handed = this.queue.find(this.issuer, id).orElseThrow();
		assertThat(handed.acknowledgedBy()).isEqualTo("Practitioner/sarah");
		assertThat(handed.acknowledgedAt()).isEqualTo(taken);
	}

	@Test
	void theStrongestSanctionInForceAppliesAndExpiredOrLiftedOnesDoNot() {
		String member = "Patient/" + UUID.randomUUID();
		this.sanctions.impose(this.issuer, 7L, member, Sanctions.Kind.MUTE, "cool off", null, "Practitioner/tom");
		assertThat(this.sanctions.restriction(this.issuer, 7, member)).get()
			.satisfies((sanction) -> assertThat(sanction.mayRead()).isTrue());
		assertThat(this.sanctions.restriction(this.issuer, 8, member)).as("a mute is for one group").isEmpty();

		this.sanctions.impose(this.issuer, 8L, member, Sanctions.Kind.SUSPEND, "insults", Instant.now().minusSeconds(1),
				"Practitioner/tom");
		assertThat(this.sanctions.restriction(this.issuer, 8, member)).as("expired").isEmpty();

		long ban = this.sanctions.impose(this.issuer, null, member, Sanctions.Kind.BAN, "spam", null,
				"Practitioner/sarah");
		assertThat(this.sanctions.restriction(this.issuer, 7, member)).get()
			.extracting(Sanction::kind)
			.isEqualTo(Sanctions.Kind.BAN);
		assertThat(this.sanctions.lift(this.issuer, ban)).isPresent();
		assertThat(this.sanctions.restriction(this.issuer, 7, member)).get()
			.extracting(Sanction::kind)
			.isEqualTo(Sanctions.Kind.MUTE);
	}

	@Test
	void aGroupsSettingOverridesTheCommunitysWhichOverridesTheConfiguration() {
		assertThat(this.settings.inForce(this.issuer, 5).newMemberPosts()).isEqualTo(2);
		this.settings.save(this.issuer, ModerationSettings.COMMUNITY, new Overrides(4, null, 5, 30));
		this.settings.save(this.issuer, 5, new Overrides(1, true, null, null));

		ModerationSettings.Settings group = this.settings.inForce(this.issuer, 5);
		assertThat(group.newMemberPosts()).isEqualTo(1);
		assertThat(group.holdCrisis()).isTrue();
		assertThat(group.flagsToHide()).isEqualTo(5);
		assertThat(group.responseTime()).isEqualTo(Duration.ofMinutes(30));
		assertThat(this.settings.inForce(this.issuer, 6).newMemberPosts()).isEqualTo(4);
	}

	@Test
	void watchedWordsAreScreenedAtOnceAndABadListStoresNothing() {
		assertThat(this.words.add(this.issuer, 9, "Miracle cure\nmiracle CURE\n", WatchAction.FLAG, "Practitioner/tom"))
			.isEqualTo(1);
		assertThat(this.words.add(this.issuer, 9, "miracle cure", WatchAction.BLOCK, "Practitioner/tom")).isEqualTo(1);
		assertThat(this.words.list(this.issuer, 9)).singleElement()
			.satisfies((watched) -> assertThat(watched.term().action()).isEqualTo(WatchAction.BLOCK));
		assertThat(screen(9, "This MIRACLE cure works").outcome()).isEqualTo(Outcome.REFUSE);
		assertThat(screen(10, "This MIRACLE cure works").outcome()).as("another group's words do not apply")
			.isEqualTo(Outcome.HOLD);

		assertThatExceptionOfType(InvalidTerms.class)
			.isThrownBy(() -> this.words.add(this.issuer, 9, "fine\n" + "x".repeat(101), WatchAction.FLAG, "tom"))
			.satisfies((invalid) -> assertThat(invalid.key()).isEqualTo(InvalidTerms.TOO_LONG));
		assertThat(this.words.list(this.issuer, 9)).hasSize(1);
	}

	private Verdict screen(long groupId, String text) {
		return this.screening.screen(new Submission(this.issuer, groupId, "Patient/new", text, 0, false));
	}

}
