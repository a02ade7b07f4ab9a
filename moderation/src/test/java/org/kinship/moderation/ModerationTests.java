package org.kinship.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.kinship.moderation.Flags.FlagReason;
import org.kinship.moderation.ModerationSettings.Settings;
import org.kinship.moderation.ReviewQueue.Kind;
import org.kinship.moderation.Sanctions.Sanction;
import org.kinship.moderation.internal.ScreeningRules;
import org.kinship.moderation.internal.TermList;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * What moderation answers for a message on its way in, without a database: sanctions,
 * screening with a group's rules, and what goes to the review queue and the log.
 */
class ModerationTests {

	private static final String ISSUER = "sandbox";

	private static final long GROUP = 7;

	private static final String AUTHOR = "Patient/1";

	private final Sanctions sanctions = mock(Sanctions.class);

	private final ReviewQueue queue = mock(ReviewQueue.class);

	private final Flags flags = mock(Flags.class);

	private final ModerationSettings settings = mock(ModerationSettings.class);

	private final ModerationLog log = mock(ModerationLog.class);

	private final Moderation moderation = moderation(new ScreeningPolicy(2, false),
			TermList.compile(List.of(new WatchedTerm("miracle cure", WatchAction.BLOCK))));

	ModerationTests() {
		given(this.sanctions.restriction(anyString(), anyLong(), anyString())).willReturn(Optional.empty());
		given(this.settings.inForce(ISSUER, GROUP)).willReturn(new Settings(2, false, 3, Duration.ofMinutes(15)));
	}

	@Test
	void holdsFirstPostOfNewMember() {
		Admission admission = this.moderation.admit(posting("hello everyone", false, () -> 0));
		assertThat(admission.keptOut()).isEmpty();
		assertThat(admission.muted()).isEmpty();
		assertThat(admission.verdict().outcome()).isEqualTo(Outcome.HOLD);
		assertThat(admission.verdict().reasonKey()).isEqualTo("moderation.held.new-member");
		admission.record(42);
		verify(this.queue).enqueue(ISSUER, GROUP, 42, AUTHOR, Kind.HELD, "new member: new member", null);
		verify(this.log)
			.record(new ModerationLog.Entry(ISSUER, GROUP, "screening", "HELD", AUTHOR, 42L, "new member: new member"));
	}

	@Test
	void deliversOnceTheFirstPostsArePublished() {
		Admission admission = this.moderation.admit(posting("hello everyone", false, () -> 2));
		assertThat(admission.verdict().outcome()).isEqualTo(Outcome.ALLOW);
		admission.record(42);
		verifyNoInteractions(this.queue, this.log);
	}

	@Test
	void neverCountsThePostsOfStaff() {
		Admission admission = this.moderation.admit(posting("hello everyone", true, () -> {
			throw new AssertionError("counted the posts of staff");
		}));
		assertThat(admission.verdict().outcome()).isEqualTo(Outcome.ALLOW);
	}

	@Test
	void screensOnlyWhenAskedAndOnce() {
		AtomicInteger counted = new AtomicInteger();
		Admission admission = this.moderation.admit(posting("hello everyone", false, () -> {
			counted.incrementAndGet();
			return 5;
		}));
		admission.keptOut();
		admission.muted();
		assertThat(counted).hasValue(0);
		admission.verdict();
		admission.record(42);
		assertThat(counted).hasValue(1);
	}

	@Test
	void refusesABlockedWordWithTheWordAsConfigured() {
		Verdict verdict = this.moderation.admit(posting("try this MIRACLE cure", false, () -> 5)).verdict();
		assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
		assertThat(verdict.reasonKey()).isEqualTo("moderation.refused.watched-word");
		assertThat(verdict.reasonArgs()).containsExactly("miracle cure");
	}

	@Test
	void escalatesCrisisLanguageWithTheGroupsResponseTime() {
		Admission admission = this.moderation.admit(posting("I don't want to be here anymore", false, () -> 5));
		assertThat(admission.verdict().outcome()).isEqualTo(Outcome.ALLOW);
		assertThat(admission.verdict().crisis()).isTrue();
		admission.record(42);
		String found = "crisis: self-harm or suicide language";
		verify(this.queue).enqueue(ISSUER, GROUP, 42, AUTHOR, Kind.ESCALATED, found, Duration.ofMinutes(15));
		verify(this.queue, never()).enqueue(anyString(), anyLong(), anyLong(), anyString(), eq(Kind.HELD), anyString(),
				isNull());
		verify(this.log).record(new ModerationLog.Entry(ISSUER, GROUP, "screening", "ESCALATE", AUTHOR, 42L, found));
	}

	@Test
	void holdsCrisisLanguageWhenTheGroupHoldsItOnOneUrgentCard() {
		Moderation holding = moderation(new ScreeningPolicy(0, true), TermList.empty());
		Admission admission = holding.admit(posting("thinking about ending it", false, () -> 5));
		assertThat(admission.verdict().outcome()).isEqualTo(Outcome.HOLD);
		admission.record(42);
		verify(this.queue).enqueue(eq(ISSUER), eq(GROUP), eq(42L), eq(AUTHOR), eq(Kind.ESCALATED), anyString(),
				eq(Duration.ofMinutes(15)));
		verify(this.queue, never()).enqueue(anyString(), anyLong(), anyLong(), anyString(), eq(Kind.HELD), anyString(),
				any());
	}

	@Test
	void putsANewMembersHeldCrisisMessageOnOneUrgentCardThatSaysWhyItIsHeld() {
		Moderation newMembersHeld = moderation(new ScreeningPolicy(2, false), TermList.empty());
		Admission admission = newMembersHeld.admit(posting("I want to end my life", false, () -> 0));
		assertThat(admission.verdict().outcome()).isEqualTo(Outcome.HOLD);
		admission.record(42);
		String found = "crisis: self-harm or suicide language; new member: new member";
		verify(this.queue).enqueue(ISSUER, GROUP, 42, AUTHOR, Kind.ESCALATED, found, Duration.ofMinutes(15));
		verify(this.queue, org.mockito.Mockito.times(1)).enqueue(anyString(), anyLong(), anyLong(), anyString(), any(),
				anyString(), any());
		verify(this.log).record(new ModerationLog.Entry(ISSUER, GROUP, "screening", "HELD", AUTHOR, 42L, found));
		verify(this.log).record(new ModerationLog.Entry(ISSUER, GROUP, "screening", "ESCALATE", AUTHOR, 42L, found));
	}

	@Test
	void asksAFacilitatorToPleaseLookAtUncertainRiskWithoutHoldingTheMessage() {
		Verdict uncertain = new Verdict(Outcome.ALLOW, "i just feel like such a burden lately", null, List.of(),
				List.of(new Finding(Detector.CRISIS, "possible crisis", false)));
		assertThat(uncertain.crisis()).as("the sender is not shown the crisis panel").isFalse();

		this.moderation.review(posting(uncertain.text(), false, () -> 5), 42, uncertain);

		verify(this.queue).enqueue(ISSUER, GROUP, 42, AUTHOR, Kind.LOOK, "crisis: possible crisis", null);
		verify(this.log).record(
				new ModerationLog.Entry(ISSUER, GROUP, "screening", "LOOK", AUTHOR, 42L, "crisis: possible crisis"));
	}

	@Test
	void putsUncertainDistressOfAHeldMessageOnOnePleaseLookCard() {
		Verdict uncertain = new Verdict(Outcome.HOLD, "my inhaler is almost empty", "moderation.held.new-member",
				List.of(), List.of(new Finding(Detector.CARE_DISTRESS, "possible trouble managing care", false),
						new Finding(Detector.NEW_MEMBER, "new member", false)));

		this.moderation.review(posting(uncertain.text(), false, () -> 0), 42, uncertain);

		String found = "care distress: possible trouble managing care; new member: new member";
		verify(this.queue).enqueue(ISSUER, GROUP, 42, AUTHOR, Kind.LOOK, found, null);
		verify(this.queue, org.mockito.Mockito.times(1)).enqueue(anyString(), anyLong(), anyLong(), anyString(), any(),
				anyString(), any());
	}

	@Test
	void escalatesWhenAnUrgentFindingComesWithAnUncertainOne() {
		Verdict both = new Verdict(Outcome.ALLOW, "text", null, List.of(),
				List.of(new Finding(Detector.CARE_DISTRESS, "possible trouble managing care", false),
						new Finding(Detector.CRISIS, "self-harm or suicide language", true)));

		this.moderation.review(posting("text", false, () -> 5), 42, both);

		verify(this.queue).enqueue(eq(ISSUER), eq(GROUP), eq(42L), eq(AUTHOR), eq(Kind.ESCALATED), anyString(),
				eq(Duration.ofMinutes(15)));
		verify(this.queue, never()).enqueue(anyString(), anyLong(), anyLong(), anyString(), eq(Kind.LOOK), anyString(),
				any());
	}

	@Test
	void keepsASuspendedMemberOutUntilTheSuspensionEnds() {
		sanctioned(Sanctions.Kind.SUSPEND, Instant.parse("2030-01-02T03:04:00Z"));
		Admission admission = this.moderation.admit(posting("hello", false, () -> 5));
		assertThat(admission.keptOut())
			.contains(new Refusal("chat.error.suspend.until", List.of("spam", "2030-01-02 03:04 UTC")));
		assertThat(this.moderation.mayRead(ISSUER, GROUP, AUTHOR)).isFalse();
	}

	@Test
	void neverKeepsStaffOutButStopsTheirNewMessages() {
		sanctioned(Sanctions.Kind.SUSPEND, null);
		Admission admission = this.moderation.admit(posting("hello", true, () -> 5));
		assertThat(admission.keptOut()).isEmpty();
		assertThat(admission.muted()).contains(new Refusal("chat.error.suspend", List.of("spam", "")));
	}

	@Test
	void letsAMutedMemberReadButNotPost() {
		sanctioned(Sanctions.Kind.MUTE, null);
		Admission admission = this.moderation.admit(posting("hello", false, () -> 5));
		assertThat(admission.keptOut()).isEmpty();
		assertThat(admission.muted()).contains(new Refusal("chat.error.mute", List.of("spam", "")));
		assertThat(this.moderation.mayRead(ISSUER, GROUP, AUTHOR)).isTrue();
	}

	@Test
	void hidesAMessageAtTheFlagThatReachesTheGroupsThreshold() {
		given(this.flags.flag(42, "Patient/2", FlagReason.UNKIND)).willReturn(2, 3);
		assertThat(this.moderation.flag(ISSUER, GROUP, 42, AUTHOR, "Patient/2", FlagReason.UNKIND)).isFalse();
		assertThat(this.moderation.flag(ISSUER, GROUP, 42, AUTHOR, "Patient/2", FlagReason.UNKIND)).isTrue();
		verify(this.log)
			.record(new ModerationLog.Entry(ISSUER, GROUP, "Patient/2", "FLAG_HIDE", AUTHOR, 42L, "UNKIND"));
		verify(this.queue, org.mockito.Mockito.times(2)).enqueue(ISSUER, GROUP, 42, AUTHOR, Kind.FLAGGED,
				"flag: unkind", null);
	}

	private void sanctioned(Sanctions.Kind kind, @Nullable Instant until) {
		given(this.sanctions.restriction(ISSUER, GROUP, AUTHOR))
			.willReturn(Optional.of(new Sanction(1, ISSUER, (kind == Sanctions.Kind.BAN) ? null : GROUP, AUTHOR, kind,
					"spam", until, "Practitioner/1", Instant.now())));
	}

	private Moderation moderation(ScreeningPolicy policy, TermList global) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("rules",
				(ScreeningRules) (issuer, groupId) -> new ScreeningRules.Rules(policy, global, TermList.empty()));
		Screening screening = new Screening(beans.getBeanProvider(ScreeningRules.class),
				new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
		return new Moderation(this.sanctions, screening, this.queue, this.flags, this.settings, this.log);
	}

	private static Posting posting(String text, boolean staff, IntSupplier publishedBefore) {
		return new Posting(ISSUER, GROUP, AUTHOR, staff, text, publishedBefore);
	}

}
