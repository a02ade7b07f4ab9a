package org.kinship.chat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;
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
import org.kinship.moderation.EscalationRaised;
import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ReviewQueue;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.moderation.ReviewQueueChanged;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The chat module with everything it depends on (groups, moderation, launch, realtime),
 * against the real MariaDB: what becomes of a message a member sends, seen through the
 * events other modules and the members' pages act on. Nothing of our own is mocked.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class ChatEventsModuleTests extends OnMariaDb {

	@Autowired
	Chat chat;

	@Autowired
	ChatModeration chatModeration;

	@Autowired
	GroupAdministration administration;

	@Autowired
	Memberships memberships;

	@Autowired
	ModerationSettings settings;

	@Autowired
	ReviewQueue queue;

	@Autowired
	IssuerRegistry issuers;

	@Autowired
	AfterCommit afterCommit;

	private KinshipPrincipal manager;

	private long groupId;

	private String groupSlug;

	@BeforeEach
	void group() {
		this.manager = new KinshipPrincipal("sandbox", sandbox(), "Practitioner/dr-sarah-lin", "Sarah Lin",
				KinshipRole.CLINICIAN, Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null,
				List.of(), Set.of(), Map.of());
		Group group = this.administration.create(this.manager,
				new GroupForm("Events " + UUID.randomUUID(), "A place to share.", "<p>Be kind.</p>", Audience.PATIENTS,
						true, GroupStatus.OPEN, "", "Q87.4", "", "", ""));
		this.groupId = group.id();
		this.groupSlug = group.slug();
	}

	@Test
	void aMembersMessageIsStoredAndPublishedAfterCommitWithItsSequenceNumber(Scenario scenario) {
		noNewMemberReview();
		KinshipPrincipal member = member("Kestrel");
		this.chat.send(member, this.groupId, new SendCommand(clientId(), "Hello, I am new here", null));
		String clientId = clientId();

		scenario.stimulate(() -> this.chat.send(member, this.groupId, new SendCommand(clientId, "Good morning", null)))
			.andWaitForEventOfType(MessagePosted.class)
			.matching((posted) -> posted.message().clientId().equals(clientId))
			.toArriveAndVerify((posted, sent) -> {
				assertThat(sent.held()).isFalse();
				assertThat(posted.message()).isEqualTo(sent.message());
				assertThat(posted.message().seq()).isEqualTo(2);
				assertThat(posted.message().author()).isEqualTo("Kestrel");
				assertThat(posted.message().html()).contains("Good morning");
				// what a member who comes back catches up from the database is what was
				// published, under the same sequence number
				assertThat(this.chat.since(member, this.groupId, 0).messages())
					.extracting(ChatMessage::seq, ChatMessage::clientId)
					.endsWith(tuple(2L, clientId));
				// delivery to pages listens after commit, and it heard of the message
				assertThat(this.afterCommit.posted()).contains(posted);
			});
	}

	@Test
	void aNewMembersFirstPostIsHeldForReviewAndNotPublished(Scenario scenario, PublishedEvents events) {
		KinshipPrincipal member = member("Wren");
		String clientId = clientId();

		scenario.stimulate(() -> this.chat.send(member, this.groupId, new SendCommand(clientId, "Hi all", null)))
			.andWaitForEventOfType(ReviewQueueChanged.class)
			.matching((changed) -> changed.groupId() == this.groupId)
			.toArriveAndVerify((changed, sent) -> {
				assertThat(sent.held()).isTrue();
				// the member is told why: their first posts are read by a facilitator
				// first
				assertThat(sent.heldKey()).isEqualTo("moderation.held.new-member");
				assertThat(changed.issuer()).isEqualTo(sandbox());
				assertThat(this.queue.openFor(sent.message().id())).singleElement().satisfies((item) -> {
					assertThat(item.kind()).isEqualTo(Kind.HELD);
					assertThat(item.author()).isEqualTo(member.fhirUser());
					assertThat(item.groupId()).isEqualTo(this.groupId);
				});
				// the queue's event was seen, and no message event at all: nothing to
				// show
				assertThat(events.ofType(ReviewQueueChanged.class)).isNotEmpty();
				assertThat(events.ofType(MessagePosted.class)).isEmpty();
				assertThat(this.afterCommit.posted())
					.noneMatch((posted) -> posted.message().clientId().equals(clientId));
				assertThat(this.chat.since(member, this.groupId, 0).messages()).isEmpty();
			});
	}

	@Test
	void aHeldPostApprovedByAFacilitatorIsPublishedAtTheEndOfTheDiscussion(Scenario scenario) {
		KinshipPrincipal member = member("Heron");
		String clientId = clientId();
		SendResult held = this.chat.send(member, this.groupId, new SendCommand(clientId, "My first post", null));
		assertThat(held.held()).isTrue();
		this.chat.send(this.manager, this.groupId, new SendCommand(clientId(), "Welcome, everyone", null));

		scenario.stimulate(() -> this.chatModeration.approve(this.groupId, held.message().id()))
			.andWaitForEventOfType(MessagePosted.class)
			.matching((posted) -> posted.message().id() == held.message().id())
			.toArriveAndVerify((posted) -> {
				assertThat(this.chat.since(member, this.groupId, 0).messages())
					.extracting(ChatMessage::clientId, ChatMessage::seq)
					.last()
					.isEqualTo(tuple(clientId, posted.message().seq()));
				assertThat(this.afterCommit.posted()).contains(posted);
			});
	}

	@Test
	void aCrisisMessageIsDeliveredAndEscalatedToTheGroupsStaff(Scenario scenario) {
		noNewMemberReview();
		KinshipPrincipal member = member("Linnet");
		String clientId = clientId();

		scenario
			.stimulate(() -> this.chat.send(member, this.groupId,
					new SendCommand(clientId, "I can not go on, I want to end my life", null)))
			.andWaitForEventOfType(EscalationRaised.class)
			.matching((raised) -> raised.groupId() == this.groupId)
			.toArriveAndVerify((raised, sent) -> {
				assertThat(sent.crisis()).isTrue();
				assertThat(sent.held()).isFalse();
				assertThat(raised.messageId()).isEqualTo(sent.message().id());
				assertThat(raised.issuer()).isEqualTo(sandbox());
				assertThat(this.queue.find(sandbox(), raised.itemId())).hasValueSatisfying((item) -> {
					assertThat(item.kind()).isEqualTo(Kind.ESCALATED);
					assertThat(item.urgent()).isTrue();
					assertThat(item.dueAt()).isNotNull();
				});
				// crisis language is delivered by default, not held
				assertThat(this.afterCommit.posted())
					.anyMatch((posted) -> posted.message().id() == sent.message().id());
			});
	}

	@Test
	void aNewMembersCrisisMessageMakesOneUrgentCardAndTellsTheSenderOnlyOfHelp() {
		KinshipPrincipal member = member("Plover");

		SendResult sent = this.chat.send(member, this.groupId,
				new SendCommand(clientId(), "I can not go on, I want to end my life", null));

		assertThat(sent.held()).as("a new member's first post").isTrue();
		assertThat(sent.crisis()).isTrue();
		// no welcome and no word of a hold under the crisis panel
		assertThat(sent.heldKey()).isNull();
		assertThat(sent.heldArgs()).isEmpty();
		assertThat(this.queue.openFor(sent.message().id())).singleElement().satisfies((item) -> {
			assertThat(item.kind()).isEqualTo(Kind.ESCALATED);
			assertThat(item.urgent()).isTrue();
			assertThat(item.reasons()).contains("crisis").contains("new member");
		});
	}

	@Test
	void anEditIsPublishedAsAChangeOfTheSameMessage(Scenario scenario) {
		noNewMemberReview();
		KinshipPrincipal member = member("Dunlin");
		ChatMessage sent = this.chat.send(member, this.groupId, new SendCommand(clientId(), "See you at 5", null))
			.message();

		scenario.stimulate(() -> this.chat.edit(member, this.groupId, sent.id(), "See you at 6"))
			.andWaitForEventOfType(MessageChanged.class)
			.matching((changed) -> changed.message().id() == sent.id())
			.toArriveAndVerify((changed, edited) -> {
				assertThat(changed.message()).isEqualTo(edited);
				assertThat(changed.message().seq()).isEqualTo(sent.seq());
				assertThat(changed.message().edited()).isTrue();
				assertThat(changed.message().html()).contains("See you at 6").doesNotContain("at 5");
				assertThat(this.chat.since(member, this.groupId, 0).messages()).singleElement()
					.extracting(ChatMessage::html)
					.asString()
					.contains("See you at 6");
			});
	}

	/** The group takes every member's post without the new-member review. */
	private void noNewMemberReview() {
		this.settings.save(sandbox(), this.groupId, new ModerationSettings.Overrides(0, null, null, null));
	}

	private KinshipPrincipal member(String name) {
		String id = "p-" + UUID.randomUUID();
		KinshipPrincipal patient = new KinshipPrincipal("sandbox", sandbox(), "Patient/" + id, "Pat " + id,
				KinshipRole.PATIENT, Set.of(), id, null, false, null, null, null, List.of(),
				Set.of("patient/Condition.rs"), Map.of());
		this.memberships.join(patient, this.groupSlug, new JoinForm(name, false, false, true));
		return patient;
	}

	private static String clientId() {
		return UUID.randomUUID().toString();
	}

	private String sandbox() {
		return this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class AfterCommitConfiguration {

		@Bean
		AfterCommit afterCommit() {
			return new AfterCommit();
		}

	}

	/**
	 * Listens as the delivery to members' pages does, after commit, and keeps what it
	 * heard: a message it hears of was committed, one it does not was never shown.
	 */
	static class AfterCommit {

		private final List<MessagePosted> posted = new CopyOnWriteArrayList<>();

		@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
		void on(MessagePosted event) {
			this.posted.add(event);
		}

		List<MessagePosted> posted() {
			return this.posted;
		}

	}

}
