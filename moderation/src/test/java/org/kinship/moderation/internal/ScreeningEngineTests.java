package org.kinship.moderation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.kinship.moderation.Detector;
import org.kinship.moderation.Finding;
import org.kinship.moderation.Outcome;
import org.kinship.moderation.Submission;
import org.kinship.moderation.Verdict;
import org.kinship.moderation.ScreeningPolicy;
import org.kinship.moderation.WatchAction;
import org.kinship.moderation.WatchedTerm;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningEngineTests {

	private static final TermList GLOBAL = TermList.compile(List.of(new WatchedTerm("idiot", WatchAction.BLOCK),
			new WatchedTerm("miracle cure", WatchAction.REQUIRE_APPROVAL), new WatchedTerm("damn", WatchAction.CENSOR),
			new WatchedTerm("bad word", WatchAction.CENSOR), new WatchedTerm("ass", WatchAction.FLAG)));

	private static final ScreeningPolicy NO_NEW_MEMBER_RULE = new ScreeningPolicy(0, false);

	private final ScreeningEngine engine = new ScreeningEngine();

	@Test
	void allowsAnEverydayMessageAsTyped() {
		Verdict verdict = screen("Good morning everyone, my numbers were steady this week.");
		assertThat(verdict).isEqualTo(Verdict.allow("Good morning everyone, my numbers were steady this week."));
	}

	@Test
	void refusesBlockedWordWithTheTermAsArgument() {
		Verdict verdict = screen("what an 1d10t");
		assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
		assertThat(verdict.text()).isEmpty();
		assertThat(verdict.reasonKey()).isEqualTo("moderation.refused.watched-word");
		assertThat(verdict.reasonArgs()).containsExactly("idiot");
	}

	@Test
	void blockBeatsHoldAndFlag() {
		Verdict verdict = screen("idiot selling a miracle cure, call 555-123-4567, what an ass");
		assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
		assertThat(verdict.findings()).extracting(Finding::detector)
			.contains(Detector.WATCHED_WORD, Detector.PERSONAL_DATA);
	}

	@Test
	void holdsWordThatRequiresApproval() {
		Verdict verdict = screen("This is a MIRACLE-CURE!");
		assertThat(verdict.outcome()).isEqualTo(Outcome.HOLD);
		assertThat(verdict.reasonKey()).isEqualTo("moderation.held.watched-word");
	}

	@Test
	void holdBeatsFlag() {
		assertThat(screen("what an ass, and a miracle cure").outcome()).isEqualTo(Outcome.HOLD);
	}

	@Test
	void flagsWordIntoTheReviewQueueAndDeliversIt() {
		Verdict verdict = screen("He is being an ass.");
		assertThat(verdict.outcome()).isEqualTo(Outcome.FLAG);
		assertThat(verdict.reasonKey()).isNull();
		assertThat(verdict.text()).isEqualTo("He is being an ass.");
		assertThat(verdict.findings()).containsExactly(new Finding(Detector.WATCHED_WORD, "ass", false));
	}

	@Test
	void censorsExactlyTheOriginalCharactersAndDeliversTheRest() {
		Verdict verdict = screen("Well d@mn, DAMN! a bad   word here; damnation is fine");
		assertThat(verdict.outcome()).isEqualTo(Outcome.ALLOW);
		assertThat(verdict.text()).isEqualTo("Well ■■■■, ■■■■! a ■■■   ■■■■ here; damnation is fine");
	}

	@Test
	void censorsZeroWidthCharactersInsideTheWordWithIt() {
		assertThat(screen("oh d\u200bam\u200dn it").text()).isEqualTo("oh ■■■■■■ it");
		assertThat(screen("\uff24\uff21\uff2d\uff2e!").text()).isEqualTo("■■■■!");
		assertThat(screen("da\u0301mn").text()).isEqualTo("■■■■■");
	}

	@Test
	void censorsOneMaskPerCharacterOutsideTheBasicPlane() {
		assertThat(screen("\ud835\udc1d\ud835\udc1a\ud835\udc26\ud835\udc27 \ud83d\ude00").text())
			.isEqualTo("■■■■ \ud83d\ude00");
	}

	@Test
	void censoredWordInAHeldMessageIsMaskedToo() {
		Verdict verdict = screen("damn, call me at 555-123-4567");
		assertThat(verdict.outcome()).isEqualTo(Outcome.HOLD);
		assertThat(verdict.text()).isEqualTo("■■■■, call me at 555-123-4567");
	}

	@Test
	void holdsPersonalDataSayingWhatToRemove() {
		Verdict verdict = screen("Call 555-123-4567 or email kim@example.com");
		assertThat(verdict.outcome()).isEqualTo(Outcome.HOLD);
		assertThat(verdict.reasonKey()).isEqualTo("moderation.held.personal-data");
		assertThat(verdict.reasonArgs()).containsExactly("a phone number and an e-mail address",
				"moderation.personal-data.phone-number", "moderation.personal-data.email-address");
		assertThat(verdict.findings()).containsExactly(new Finding(Detector.PERSONAL_DATA, "phone number", false),
				new Finding(Detector.PERSONAL_DATA, "e-mail address", false));
	}

	@Test
	void holdsPersonalDataWrittenTheWayMembersWriteItOutsideTheUnitedStatesAndInDisguise() {
		Verdict verdict = screen("llámame al +34 612 34 56 78 o escríbeme a maria punto lopez arroba gmail punto com");
		assertThat(verdict.outcome()).isEqualTo(Outcome.HOLD);
		assertThat(verdict.reasonArgs()).containsExactly("a phone number and an e-mail address",
				"moderation.personal-data.phone-number", "moderation.personal-data.email-address");
		assertThat(screen("my MRN at Mercy is M203948").reasonArgs()).containsExactly("a medical record number",
				"moderation.personal-data.medical-record-number");
		assertThat(screen("text me at five five five two nine oh seven seven one three").reasonArgs())
			.containsExactly("a phone number", "moderation.personal-data.phone-number");
	}

	@Test
	void allowsDosesLabValuesAndHotlinesThatLookLikePersonalData() {
		for (String text : List.of("A1c 7.2, BP 128/82, metformin 500 mg, EF 35 %, creatinine 1.3, 12 units",
				"my appointment is 3/14 at 2:30 in room 412", "walked 12,500 steps, the new meter was $39.99",
				"if it gets bad call 988 or 911", "en España llama al 024 o al 112")) {
			assertThat(screen(text).outcome()).as(text).isEqualTo(Outcome.ALLOW);
		}
	}

	@Test
	void personalDataOverridesTheHoldReasonOfAWatchedWord() {
		assertThat(screen("miracle cure, DOB 04/12/1958").reasonKey()).isEqualTo("moderation.held.personal-data");
	}

	@Test
	void holdsTheFirstPostsOfANewMember() {
		ScreeningPolicy policy = ScreeningPolicy.defaults();
		assertThat(screen("hello all", policy, 0, false).outcome()).isEqualTo(Outcome.HOLD);
		assertThat(screen("hello all", policy, 1, false).reasonKey()).isEqualTo("moderation.held.new-member");
		assertThat(screen("hello all", policy, 2, false).outcome()).isEqualTo(Outcome.ALLOW);
	}

	@Test
	void staffAreNotSubjectToTheNewMemberRule() {
		Verdict verdict = screen("Welcome, see https://example.org/guide", ScreeningPolicy.defaults(), 0, true);
		assertThat(verdict.outcome()).isEqualTo(Outcome.ALLOW);
		assertThat(verdict.findings()).isEmpty();
	}

	@Test
	void holdsLinksFromNewMembersSayingWhy() {
		ScreeningPolicy policy = ScreeningPolicy.defaults();
		for (String link : List.of("see https://cure.example/x", "www.example.org", "go to example.com now",
				"[guide](http://example.net)")) {
			Verdict verdict = screen(link, policy, 1, false);
			assertThat(verdict.reasonKey()).as(link).isEqualTo("moderation.held.new-member-link");
			assertThat(verdict.findings()).as(link)
				.contains(new Finding(Detector.NEW_MEMBER, "link from a new member", false));
		}
		assertThat(screen("see https://example.org", policy, 2, false).outcome()).isEqualTo(Outcome.ALLOW);
		assertThat(screen("my A1c was 7.2, e.g. better", policy, 1, false).reasonKey())
			.isEqualTo("moderation.held.new-member");
	}

	@Test
	void deliversCrisisLanguageAsUrgent() {
		Verdict verdict = screen("I don't want to be here anymore");
		assertThat(verdict.outcome()).isEqualTo(Outcome.ALLOW);
		assertThat(verdict.crisis()).isTrue();
		assertThat(verdict.findings())
			.containsExactly(new Finding(Detector.CRISIS, "self-harm or suicide language", true));
	}

	@Test
	void holdsCrisisLanguageWhenTheGroupSaysSo() {
		Verdict verdict = screen("thinking about ending it", new ScreeningPolicy(0, true), 10, false);
		assertThat(verdict.outcome()).isEqualTo(Outcome.HOLD);
		assertThat(verdict.reasonKey()).isEqualTo("moderation.held.crisis");
		assertThat(verdict.crisis()).isTrue();
	}

	@Test
	void crisisNeverRefusesButABlockedWordStillDoes() {
		Verdict verdict = screen("I want to kill myself, idiot");
		assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
		assertThat(verdict.crisis()).isTrue();
	}

	@Test
	void deliversCareDistressAsUrgent() {
		Verdict verdict = screen("I ran out of my insulin yesterday");
		assertThat(verdict.outcome()).isEqualTo(Outcome.ALLOW);
		assertThat(verdict.crisis()).isTrue();
		assertThat(verdict.findings())
			.containsExactly(new Finding(Detector.CARE_DISTRESS, "trouble managing care", true));
	}

	@Test
	void nearMissesAreNotUrgent() {
		for (String text : List.of("I'd kill for a coffee", "this workout is killing me", "my phone died",
				"dying to try that recipe", "I ran out of coffee")) {
			assertThat(screen(text).findings()).as(text).isEmpty();
		}
	}

	@Test
	void shortNeutralMessagesNeverCallSomeoneAtOnce() {
		// "not", "no", "end" and "alone" lean towards crisis when nothing else is said;
		// an urgent finding calls a facilitator at once, so its threshold must hold here
		for (String text : List.of("You will not be asked about it again", "no meeting today, see you thursday",
				"the session ended early", "home alone with the kids tonight", "nothing new here, all good",
				"ya no hay reunión hoy", "me quedé sola en casa con los niños", "no sé si voy a poder ir")) {
			assertThat(screen(text).findings()).as(text).noneMatch(Finding::urgent);
		}
	}

	@Test
	void readsIndirectWarningSignsInBothLanguages() {
		for (String text : List.of("I've been giving away my things, I won't need them where I'm going",
				"everyone would be happier if I was gone", "les dejo mis cosas a mis hijos, ya no las voy a necesitar",
				"ya no aguanto más, quiero que todo se acabe")) {
			Verdict verdict = screen(text);
			assertThat(verdict.outcome()).as(text).isEqualTo(Outcome.ALLOW);
			assertThat(verdict.findings()).extracting(Finding::detector).as(text).containsExactly(Detector.CRISIS);
		}
	}

	@Test
	void readsTroubleManagingCareInOtherWords() {
		for (String text : List.of("my oxygen concentrator stopped working and the company can't come till monday",
				"they cut off our electricity and my insulin is in the fridge",
				"been stretching my pills to make them last till payday",
				"se me acabó el Lasix y no tengo para comprarlo")) {
			Verdict verdict = screen(text);
			assertThat(verdict.outcome()).as(text).isEqualTo(Outcome.ALLOW);
			assertThat(verdict.findings()).extracting(Finding::detector)
				.as(text)
				.containsExactly(Detector.CARE_DISTRESS);
		}
	}

	@Test
	void asksAFacilitatorToLookWithoutDelayingThePostWhenTheRiskIsUncertain() {
		RiskModel model = RiskModel.shipped().withThresholds(new RiskModel.Thresholds(0.5f, 1.01f, 0.5f, 1.01f));
		Verdict verdict = new ScreeningEngine(model).screen(
				submission("I've been putting a few of my pills aside for when it gets too much", 10, false),
				NO_NEW_MEMBER_RULE, GLOBAL, TermList.empty());
		assertThat(verdict.outcome()).isEqualTo(Outcome.ALLOW);
		assertThat(verdict.crisis()).isFalse();
		assertThat(verdict.findings())
			.containsExactly(new Finding(Detector.CRISIS, ScreeningEngine.POSSIBLE_CRISIS, false));
	}

	@Test
	void explicitLanguageStaysUrgentWhateverTheThresholds() {
		RiskModel model = RiskModel.shipped().withThresholds(new RiskModel.Thresholds(1.01f, 1.01f, 1.01f, 1.01f));
		Verdict verdict = new ScreeningEngine(model).screen(submission("I want to kill myself", 10, false),
				NO_NEW_MEMBER_RULE, GLOBAL, TermList.empty());
		assertThat(verdict.findings()).containsExactly(new Finding(Detector.CRISIS, ScreeningEngine.CRISIS, true));
	}

	@Test
	void aPhraseTheModelAllButRulesOutIsLeftToIt() {
		for (String text : List.of("made it through the whole choir rehearsal without my oxygen tonight, small wins",
				"hoy subí las escaleras sin el oxígeno, poquito a poco voy mejorando")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text)
				.containsExactly(Detector.CARE_DISTRESS);
			assertThat(screen(text).findings()).as(text).isEmpty();
		}
		for (String text : List.of("feeling suicidal today",
				"got my a1c down to 6.8 and my doctor is thrilled, funny since im planning to end my life before christmas")) {
			assertThat(screen(text).findings()).as(text)
				.containsExactly(new Finding(Detector.CRISIS, ScreeningEngine.CRISIS, true));
		}
	}

	@Test
	void aPhrasePlacedYearsBackIsLeftToTheModel() {
		for (String text : List.of("3 yrs ago I had a plan to end my life", "back in 2018 I tried to end my life",
				"hace 8 años pensé en quitarme la vida", "hace tres años pensaba en quitarme la vida")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text).isEmpty();
		}
		for (String text : List.of("tengo depresión desde hace años y pienso mucho en matarme",
				"hace dos años que quiero quitarme la vida", "for years I have wanted to end my life",
				"two years ago my wife died and tonight I want to end my life")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text)
				.containsExactly(Detector.CRISIS);
		}
	}

	@Test
	void meansInHandAndFarewellsWithIntentAreExplicit() {
		for (String text : List.of("took the rifle out of the safe and loaded the rifle",
				"gonna do the whole bottle tonight", "if you never hear from me again, thank you",
				"no me busquen mañana", "wnt to die so bad", "voy a tomarme todo el frasco")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text)
				.containsExactly(Detector.CRISIS);
		}
		assertThat(
				CrisisDetector.phrases(TextNormalizer.forWords("me voy a aventar a la alberca, qué calor"), Set.of()))
			.isEmpty();
	}

	@Test
	void everyPhraseWithMyselfIsAlsoReadWithMySelf() {
		for (String text : List.of("i think about killing my self every day now", "i want to hurt my self")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text)
				.containsExactly(Detector.CRISIS);
		}
		assertThat(CrisisDetector.phrases(TextNormalizer.forWords("killing my self laughing at this thread"), Set.of()))
			.isEmpty();
	}

	@Test
	void aPhraseSpokenOfRatherThanFeltIsLeftToTheModel() {
		for (String text : List.of("the leaflet says it may cause suicidal thoughts, is that common?",
				"el prospecto dice que puede causar pensamientos suicidas",
				"how do you ask someone if they are thinking about suicide?",
				"the insert warns about suicidal thoughts, anyone had that?")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text).isEmpty();
		}
		assertThat(CrisisDetector.phrases(TextNormalizer.forWords("I have suicidal thoughts every night"), Set.of()))
			.containsExactly(Detector.CRISIS);
	}

	@Test
	void aScreeningQuestionAnsweredNoIsLeftToTheModel() {
		for (String text : List.of(
				"the nurse at my intake asked if I ever had thoughts of hurting myself, told her no and we moved on",
				"la enfermera me preguntó si he pensado en quitarme la vida, le dije que no, que ando bien",
				"the PHQ-9 asks if you would be better off dead. I answered zero, they ask everybody",
				"my nurse asked me flat out today if I've had any thoughts of ending my life. I said no, all good",
				"la enfermera de diálisis me pregunta todos los meses si he pensado hacerme daño, le digo que no")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text).isEmpty();
		}
		for (String text : List.of("the nurse asked if I had thoughts of hurting myself and I said yes. I have a plan",
				"doctor asked if I wanted to kill myself, I told her no. I lied. I have the pills ready",
				"la enfermera me preguntó si pensaba en quitarme la vida, le dije que no pero es mentira",
				"filled out the questionnaire and checked yes on wanting to end my life",
				"they asked if I want to end my life. said no. but yeah, I do",
				"the nurse asked me flat out if I had thoughts of ending my life and I said yes")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text)
				.containsExactly(Detector.CRISIS);
		}
	}

	@Test
	void nearMissesOfEveryKindStayQuiet() {
		for (String text : List.of("my grandfather died by suicide in 1982, I still think of him every spring",
				"finished the suicide prevention training at work today, really worthwhile",
				"support group for families who lost someone to suicide meets on tuesdays",
				"five years and I have never missed a single dose of my insulin, so proud",
				"this traffic is killing me lol", "I would never hurt myself, don't worry",
				"mi abuelo se quitó la vida hace treinta años, hoy lo recordamos con cariño",
				"hice el curso de prevención del suicidio en el centro de salud",
				"nunca me salto una dosis de insulina, llevo dos años perfecto",
				"my dad hasn't missed his blood pressure pill in months, so proud of him",
				"con el resurtido automático no me he quedado sin insulina ni un día")) {
			assertThat(screen(text).findings()).as(text).isEmpty();
		}
	}

	@Test
	void aCareProblemThatDidNotHappenOrIsAYearBackIsLeftToTheModel() {
		for (String text : List.of("90 days and not one missed dose of my Eliquis",
				"ni un solo día sin el Spiriva este año",
				"last winter I ran out of insulin, now the program sends three months at a time",
				"el invierno pasado me quedé sin insulina, ahora me la dan cada mes",
				"couldn't afford my inhaler in 2019, the program covers it now")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text).isEmpty();
		}
		for (String text : List.of("I missed my Eliquis dose twice this week",
				"ran out of insulin last week and the pharmacy won't refill it",
				"last year was hard and today I ran out of my insulin")) {
			assertThat(CrisisDetector.phrases(TextNormalizer.forWords(text), Set.of())).as(text)
				.containsExactly(Detector.CARE_DISTRESS);
		}
		for (String text : List.of(
				"last year I ran out of insulin and now it is happening again, no insulin left and no money",
				"el año pasado me quedé sin insulina y otra vez me pasa, no tengo para comprarla")) {
			assertThat(screen(text).findings()).as(text).extracting(Finding::detector).contains(Detector.CARE_DISTRESS);
		}
	}

	@Test
	void readsTheMembersOwnMedicineUnderAnyOfItsNames() {
		List<String> record = List.of("Furosemide 40 MG Oral Tablet", "Tafamidis 61 MG Oral Capsule");
		for (String text : List.of("I ran out of my Lasix", "ran out of my tafamidis two days ago")) {
			Verdict verdict = this.engine.screen(new Submission("sandbox", 7, "Patient/1", text, 10, false, record),
					NO_NEW_MEMBER_RULE, GLOBAL, TermList.empty());
			assertThat(verdict.findings()).as(text)
				.containsExactly(new Finding(Detector.CARE_DISTRESS, ScreeningEngine.CARE_DISTRESS, true));
		}
		NormalizedText tafamidis = TextNormalizer.forWords("ran out of my tafamidis two days ago");
		assertThat(CrisisDetector.phrases(tafamidis, Set.of())).isEmpty();
		assertThat(CrisisDetector.phrases(tafamidis, MedicineNames.ofMember(record)))
			.containsExactly(Detector.CARE_DISTRESS);
	}

	@Test
	void findingsAccumulateFromEveryDetector() {
		Verdict verdict = screen("damn, I can't afford my meds and want to die, call 555-123-4567",
				ScreeningPolicy.defaults(), 0, false);
		assertThat(verdict.findings()).extracting(Finding::detector)
			.containsExactlyInAnyOrder(Detector.WATCHED_WORD, Detector.PERSONAL_DATA, Detector.CRISIS,
					Detector.CARE_DISTRESS, Detector.NEW_MEMBER);
		assertThat(verdict.findings()).noneMatch((finding) -> finding.label().contains("555"));
	}

	@Test
	void appliesTheGroupsOwnWordsBesideTheGlobalOnes() {
		TermList group = TermList.compile(List.of(new WatchedTerm("spoiler", WatchAction.BLOCK)));
		Verdict verdict = this.engine.screen(submission("no spoiler please", 10, false), NO_NEW_MEMBER_RULE, GLOBAL,
				group);
		assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
		assertThat(verdict.reasonArgs()).containsExactly("spoiler");
	}

	@Test
	void givesTheSameVerdictsFromManyThreadsAtOnce() throws Exception {
		List<String> texts = List.of("what an ass", "damn, call 555-123-4567", "I want to end my life",
				"a miracle cure", "I ran out of my insulin", "plain words", "oh d\u200bamn", "idiot");
		List<Verdict> alone = texts.stream().map(this::screen).toList();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<Verdict>>> together = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				together.add(threads.submit(() -> {
					List<Verdict> verdicts = new ArrayList<>();
					for (int round = 0; round < 200; round++) {
						verdicts = texts.stream().map(this::screen).toList();
					}
					return verdicts;
				}));
			}
			for (Future<List<Verdict>> verdicts : together) {
				assertThat(verdicts.get(30, TimeUnit.SECONDS)).isEqualTo(alone);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Verdict screen(String text) {
		return screen(text, NO_NEW_MEMBER_RULE, 10, false);
	}

	private Verdict screen(String text, ScreeningPolicy policy, int publishedBefore, boolean staff) {
		return this.engine.screen(submission(text, publishedBefore, staff), policy, GLOBAL, TermList.empty());
	}

	private static Submission submission(String text, int publishedBefore, boolean staff) {
		return new Submission("sandbox", 7, "Patient/1", text, publishedBefore, staff);
	}

}
