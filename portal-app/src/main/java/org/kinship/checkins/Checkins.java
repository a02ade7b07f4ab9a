package org.kinship.checkins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.kinship.careplan.ActiveMedicines;
import org.kinship.careplan.ActiveMedicines.Medicines;
import org.kinship.checkins.Score.CareDistress;
import org.kinship.checkins.internal.CheckinProperties;
import org.kinship.checkins.internal.CheckinStore;
import org.kinship.checkins.internal.CheckinStore.StoredAnswer;
import org.kinship.checkins.internal.QuestionnaireCatalog;
import org.kinship.checkins.internal.SafetyNet;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.Seat;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A group's check-ins: which its staff chose and how often, the form a member answers,
 * and the answers stored. Only active members answer, only the group's staff choose; a
 * person with no seat in the group gets {@link Refused#notFound}. An answer showing risk
 * raises an urgent escalation in the review queue in the storing transaction; an answer
 * to the medicines check-in that ran out of a medicine raises an urgent care-distress
 * escalation, one that stopped a medicine a "please look" item, as screening does for a
 * message about them. The medicines check-in asks about the member's own active
 * medicines, read from their record (the session's copy when fresh) before any
 * transaction starts.
 */
@Component
public class Checkins {

	private final GroupDirectory groups;

	private final CheckinStore store;

	private final QuestionnaireCatalog catalog;

	private final SafetyNet safetyNet;

	private final CheckinProperties properties;

	private final Clock clock;

	private final ActiveMedicines medicines;

	private final TransactionOperations transactions;

	Checkins(GroupDirectory groups, CheckinStore store, QuestionnaireCatalog catalog, SafetyNet safetyNet,
			CheckinProperties properties, Clock clock, ActiveMedicines medicines, TransactionOperations transactions) {
		this.medicines = medicines;
		this.transactions = transactions;
		this.groups = groups;
		this.store = store;
		this.catalog = catalog;
		this.safetyNet = safetyNet;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * What a group's page shows of its check-ins to one person.
	 * @param principal who looks
	 * @param groupId the group
	 * @param locale the page's language
	 * @return the view, or {@code null} for a person with no seat in the group
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public @Nullable GroupCheckins ofGroup(KinshipPrincipal principal, long groupId, Locale locale) {
		Seat seat = this.groups.seat(principal, groupId).orElse(null);
		if (seat == null) {
			return null;
		}
		boolean member = isMember(principal, groupId);
		Map<String, Integer> plan = this.store.plan(groupId);
		// a group without check-ins has nothing to show of the member's answers
		List<StoredAnswer> mine = (member && !plan.isEmpty())
				? this.store.ofMember(principal.issuer(), principal.fhirUser()) : List.of();
		Instant now = this.clock.instant();
		List<GroupCheckins.Planned> planned = plan.entrySet()
			.stream()
			.map((entry) -> planned(entry.getKey(), entry.getValue(), lastIn(mine, groupId, entry.getKey()), now,
					locale))
			.toList();
		List<GroupCheckins.Choice> choices = seat.staff() ? choices(plan, locale) : List.of();
		return new GroupCheckins(groupId, seat.slug(), member, seat.staff(), planned, choices,
				this.properties.maxEveryDays());
	}

	/**
	 * The form of one of a group's check-ins, for a member.
	 * @param principal the member
	 * @param groupId the group
	 * @param questionnaire the Questionnaire's id
	 * @param locale the page's language
	 * @return the form, with the group's slug; for the medicines check-in one question
	 * per active medicine of the member's own record (read from it, so not in a
	 * transaction), or why there is nothing to answer
	 * @throws Refused when the person is not a member or the group does not run it
	 */
	public MemberForm form(KinshipPrincipal principal, long groupId, String questionnaire, Locale locale) {
		Seat seat = memberSeat(principal, groupId);
		if (!this.store.plan(groupId).containsKey(questionnaire)) {
			throw Refused.notFound("checkins.error.not-here");
		}
		if (QuestionnaireCatalog.madeForEachMember(questionnaire)) {
			return medicinesForm(principal, groupId, seat.slug(), questionnaire, locale);
		}
		CheckinForm form = this.catalog.form(questionnaire, locale)
			.orElseThrow(() -> Refused.notFound("checkins.error.not-here"));
		return new MemberForm(groupId, seat.slug(), form, null);
	}

	private MemberForm medicinesForm(KinshipPrincipal principal, long groupId, String slug, String questionnaire,
			Locale locale) {
		Medicines read = this.medicines.of(principal);
		Map<String, String> questions = new LinkedHashMap<>();
		read.active()
			.stream()
			.limit(this.properties.maxMedicines())
			.forEach((medicine) -> questions.put(QuestionnaireCatalog.MEDICINE_LINK + medicine.id(), medicine.name()));
		String nothing = switch (read.read()) {
			case OWN_ONLY -> "checkins.medicines.own-only";
			case UNAVAILABLE -> "checkins.medicines.unavailable";
			case READ -> questions.isEmpty() ? "checkins.medicines.none" : null;
		};
		return new MemberForm(groupId, slug, this.catalog.made(questionnaire, questions, locale), nothing);
	}

	/**
	 * Scores and stores a member's answers once per submission; an answer showing risk
	 * raises an urgent escalation. A form sent again gives the first answer, with nothing
	 * stored or raised twice.
	 * @param principal the member
	 * @param groupId the group
	 * @param questionnaire the Questionnaire's id
	 * @param submission the form's own id
	 * @param typed what was typed or chosen, by {@code linkId}
	 * @return the stored answer's id
	 * @throws Refused for a question left out, a value that is not one of its answers or
	 * out of its range, an answer about a medicine that is not among the member's own, or
	 * a medicines check-in with nothing to answer; nothing is stored
	 */
	public long answer(KinshipPrincipal principal, long groupId, String questionnaire, String submission,
			Map<String, String> typed) {
		MemberForm form = form(principal, groupId, questionnaire, Locale.ENGLISH);
		if (submission.isBlank() || submission.length() > 64) {
			throw new Refused("checkins.error.stale");
		}
		Map<String, String> questions = Map.of();
		if (QuestionnaireCatalog.madeForEachMember(questionnaire)) {
			if (form.nothingToAnswer() != null) {
				throw new Refused(form.nothingToAnswer());
			}
			AnswerReading.onlyAsked(form.form(), typed, QuestionnaireCatalog.MEDICINE_LINK);
			questions = form.form().texts();
		}
		Map<String, Integer> values = AnswerReading.values(form.form(), typed);
		Score score = Scoring.score(questionnaire, values);
		StoredAnswer answer = new StoredAnswer(0, principal.issuer(), principal.fhirUser(), principal.patientId(),
				groupId, questionnaire, values, score.total(), score.band(), score.atRisk(), this.clock.instant(),
				"NOT_SENT", null, questions);
		Long id = this.transactions.execute((status) -> store(principal, form.form(), answer, score, submission));
		return Objects.requireNonNull(id);
	}

	private long store(KinshipPrincipal principal, CheckinForm form, StoredAnswer answer, Score score,
			String submission) {
		CheckinStore.Stored stored = this.store.store(answer, submission);
		if (!stored.created()) {
			return stored.id();
		}
		if (score.atRisk()) {
			this.safetyNet.raise(principal.issuer(), answer.groupId(), stored.id(), principal.fhirUser(),
					"check-in " + form.title() + ": score " + score.total() + ", answer showing risk");
		}
		if (score.careDistress() != CareDistress.NONE) {
			this.safetyNet.raiseCareDistress(principal.issuer(), answer.groupId(), stored.id(), principal.fhirUser(),
					score.careDistress() == CareDistress.URGENT);
		}
		return stored.id();
	}

	/**
	 * One of the person's own answers, scored.
	 * @param principal the member
	 * @param answerId the answer
	 * @param locale the page's language
	 * @return the answer
	 * @throws Refused not found when it is not theirs
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public AnswerView answerOf(KinshipPrincipal principal, long answerId, Locale locale) {
		StoredAnswer answer = this.store.find(principal.issuer(), principal.fhirUser(), answerId)
			.orElseThrow(() -> Refused.notFound("checkins.error.not-yours"));
		CheckinForm form = QuestionnaireCatalog.madeForEachMember(answer.questionnaire())
				? this.catalog.made(answer.questionnaire(), answer.questions(), locale)
				: this.catalog.form(answer.questionnaire(), locale).orElseThrow();
		String slug = this.groups.seat(principal, answer.groupId()).map(Seat::slug).orElse(null);
		return new AnswerView(answer.id(), slug, form, answer.values(),
				Scoring.score(answer.questionnaire(), answer.values()), answer.answeredAt(), answer.recordStatus());
	}

	/**
	 * Chooses a group's check-ins and how often each is asked.
	 * @param principal one of the group's staff
	 * @param groupId the group
	 * @param everyDays for each chosen Questionnaire id, its interval in days
	 * @return the group's slug
	 * @throws Refused forbidden for anyone but the group's staff; refused for an unknown
	 * check-in or an interval out of range
	 */
	@Transactional
	public String choose(KinshipPrincipal principal, long groupId, Map<String, Integer> everyDays) {
		Seat seat = this.groups.seat(principal, groupId).orElseThrow(() -> Refused.notFound("checkins.error.not-here"));
		if (!seat.staff()) {
			throw Refused.forbidden("checkins.error.not-staff");
		}
		Map<String, Integer> plan = new LinkedHashMap<>();
		everyDays.forEach((questionnaire, days) -> {
			if (!QuestionnaireCatalog.IDS.contains(questionnaire)) {
				throw new Refused("checkins.error.unknown");
			}
			if (days < 1 || days > this.properties.maxEveryDays()) {
				throw new Refused("checkins.error.interval", this.properties.maxEveryDays());
			}
			plan.put(questionnaire, days);
		});
		this.store.replacePlan(groupId, plan, principal.fhirUser(), this.clock.instant());
		return seat.slug();
	}

	/**
	 * The default interval of a newly chosen check-in.
	 * @return days
	 */
	public int defaultEveryDays() {
		return this.properties.defaultEveryDays();
	}

	private Seat memberSeat(KinshipPrincipal principal, long groupId) {
		Seat seat = this.groups.seat(principal, groupId).orElseThrow(() -> Refused.notFound("checkins.error.not-here"));
		if (!isMember(principal, groupId)) {
			throw Refused.forbidden("checkins.error.members-only");
		}
		return seat;
	}

	private boolean isMember(KinshipPrincipal principal, long groupId) {
		return this.groups.nameIn(groupId, principal.fhirUser()).isPresent();
	}

	private static @Nullable Instant lastIn(List<StoredAnswer> mine, long groupId, String questionnaire) {
		return mine.stream()
			.filter((answer) -> answer.groupId() == groupId && answer.questionnaire().equals(questionnaire))
			.map(StoredAnswer::answeredAt)
			.reduce((first, second) -> second)
			.orElse(null);
	}

	private GroupCheckins.Planned planned(String questionnaire, int everyDays, @Nullable Instant last, Instant now,
			Locale locale) {
		String title = this.catalog.form(questionnaire, locale).map(CheckinForm::title).orElse(questionnaire);
		Instant next = (last != null) ? last.plus(Duration.ofDays(everyDays)) : now;
		return new GroupCheckins.Planned(questionnaire, title, everyDays, last, !next.isAfter(now), next);
	}

	private List<GroupCheckins.Choice> choices(Map<String, Integer> plan, Locale locale) {
		return QuestionnaireCatalog.IDS.stream()
			.map((id) -> new GroupCheckins.Choice(id, this.catalog.form(id, locale).map(CheckinForm::title).orElse(id),
					plan.containsKey(id), plan.getOrDefault(id, this.properties.defaultEveryDays())))
			.toList();
	}

	/**
	 * A check-in's form for a member of a group.
	 *
	 * @param groupId the group
	 * @param slug the group's slug
	 * @param form the form
	 * @param nothingToAnswer for the medicines check-in, the message key that tells the
	 * member why there is nothing to answer (no active medicines, a record not their own,
	 * a record that could not be read); otherwise {@code null}
	 */
	public record MemberForm(long groupId, String slug, CheckinForm form, @Nullable String nothingToAnswer) {
	}

	/**
	 * One of a member's answers as they see it.
	 *
	 * @param id the answer
	 * @param slug the group's slug, or {@code null} when they left it
	 * @param form the check-in
	 * @param values each question's value
	 * @param score the score
	 * @param answeredAt when
	 * @param recordStatus whether it was sent to the record: {@code NOT_SENT},
	 * {@code SENT} or {@code REFUSED}
	 */
	public record AnswerView(long id, @Nullable String slug, CheckinForm form, Map<String, Integer> values, Score score,
			Instant answeredAt, String recordStatus) {

		/**
		 * The answer chosen to a question, in the form's language.
		 * @param question one of the form's questions
		 * @return the chosen option's words, or the number given
		 */
		public String chosen(Question question) {
			Integer value = this.values.get(question.linkId());
			return question.options()
				.stream()
				.filter((option) -> value != null && option.value() == value)
				.map(Question.Option::display)
				.findFirst()
				.orElse(String.valueOf(value));
		}

	}

}
