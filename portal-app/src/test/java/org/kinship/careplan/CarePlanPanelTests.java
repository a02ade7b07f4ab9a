package org.kinship.careplan;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.kinship.careplan.PartView.Item;
import org.kinship.careplan.internal.ActivityCard;
import org.kinship.careplan.internal.CarePlanCard;
import org.kinship.careplan.internal.CarePlanRecord;
import org.kinship.careplan.internal.Coded;
import org.kinship.careplan.internal.Concerns;
import org.kinship.careplan.internal.ConditionCard;
import org.kinship.careplan.internal.GoalCard;
import org.kinship.careplan.internal.MedicationCard;
import org.kinship.careplan.internal.Section;
import org.kinship.careplan.internal.SectionStatus;
import org.kinship.groups.Audience;
import org.kinship.groups.CodeSet;
import org.kinship.groups.Group;
import org.kinship.groups.GroupStatus;
import org.kinship.launch.KinshipRole;

import static org.assertj.core.api.Assertions.assertThat;

class CarePlanPanelTests {

	private static final Coded HEART_FAILURE = new Coded(CodeSet.SNOMED, "88805009");

	private static final Coded DIABETES = new Coded(CodeSet.SNOMED, "44054006");

	private final Group heartFailure = group("heart-failure-support", "88805009");

	private final Group diabetes = group("living-with-type-2-diabetes", "44054006");

	@Test
	void putsWhatConcernsTheGroupsConditionFirst() {
		CarePlanRecord record = record();
		CarePlanPanel forHeart = CarePlanPanel.of(this.heartFailure, KinshipRole.PATIENT, record, true, 10);
		CarePlanPanel forDiabetes = CarePlanPanel.of(this.diabetes, KinshipRole.PATIENT, record, true, 10);
		assertThat(titles(forHeart.activities().shown())).containsExactly("Daily weight", "Low-salt diet",
				"Walk every day");
		assertThat(titles(forDiabetes.activities().shown())).containsExactly("Walk every day", "Daily weight",
				"Low-salt diet");
		assertThat(forHeart.medications().shown()).extracting((item) -> item.card().name())
			.containsExactly("Furosemide", "Metformin");
		assertThat(forDiabetes.medications().shown()).extracting((item) -> item.card().name())
			.containsExactly("Metformin", "Furosemide");
	}

	@Test
	void aGoalConcernsTheGroupThroughAPlanThatDoes() {
		CarePlanPanel panel = CarePlanPanel.of(this.heartFailure, KinshipRole.PATIENT, record(), true, 10);
		assertThat(panel.goals().shown()).extracting((item) -> item.card().title() + " " + item.concernsGroup())
			.containsExactly("Stronger heart true", "A1c below 7% false");
	}

	@Test
	void showsOnlyTheConditionsTheGroupIsFor() {
		CarePlanPanel panel = CarePlanPanel.of(this.diabetes, KinshipRole.PATIENT, record(), true, 10);
		assertThat(panel.conditions().shown()).extracting((item) -> item.card().name())
			.containsExactly("Type 2 diabetes");
	}

	@Test
	void foldsAwayWhatIsBeyondTheCardsShown() {
		CarePlanPanel panel = CarePlanPanel.of(this.heartFailure, KinshipRole.PATIENT, record(), true, 2);
		assertThat(titles(panel.activities().shown())).containsExactly("Daily weight", "Low-salt diet");
		assertThat(titles(panel.activities().folded())).containsExactly("Walk every day");
		assertThat(panel.activities().total()).isEqualTo(3);
	}

	@Test
	void namesTheFirstTroubleAmongTheParts() {
		CarePlanRecord record = record();
		CarePlanRecord slow = new CarePlanRecord(record.issuer(), record.patientId(), null, record.readAt(), false,
				record.plans(), Section.missing(SectionStatus.UNREADABLE), Section.missing(SectionStatus.SLOW),
				record.conditions(), Section.missing(SectionStatus.NOT_GRANTED), record.appointments());
		assertThat(CarePlanPanel.of(this.heartFailure, KinshipRole.PATIENT, slow, true, 4).trouble())
			.isEqualTo(SectionStatus.SLOW);
		assertThat(slow.settled()).isFalse();
		assertThat(CarePlanPanel.of(this.heartFailure, KinshipRole.PATIENT, record, true, 4).trouble()).isNull();
		assertThat(record.settled()).isTrue();
	}

	private static List<String> titles(List<Item<ActivityCard>> items) {
		return items.stream().map((item) -> item.card().title()).toList();
	}

	private static CarePlanRecord record() {
		Concerns heart = new Concerns(Set.of(), Set.of("hf"));
		Concerns sugar = new Concerns(Set.of(), Set.of("dm"));
		CarePlanCard walking = new CarePlanCard("cp-dm", "Diabetes plan", null, List
			.of(new ActivityCard("cp-dm~0", "Walk every day", "in-progress", null, null, "Diabetes plan", sugar)),
				Set.of("g-dm"), sugar);
		CarePlanCard heartPlan = new CarePlanCard("cp-hf", "Heart plan", null,
				List.of(new ActivityCard("cp-hf~0", "Low-salt diet", "not-started", null, null, "Heart plan", heart),
						new ActivityCard("cp-hf~1", "Daily weight", "in-progress", null, null, "Heart plan", heart)),
				Set.of("g-hf"), heart);
		List<GoalCard> goals = List.of(new GoalCard("g-dm", "A1c below 7%", List.of(), null, null, null, Concerns.NONE),
				new GoalCard("g-hf", "Stronger heart", List.of(), null, null, null, Concerns.NONE));
		List<MedicationCard> medications = List.of(new MedicationCard("m-dm", "Metformin", null, null, sugar),
				new MedicationCard("m-hf", "Furosemide", null, null, new Concerns(Set.of(HEART_FAILURE), Set.of())));
		List<ConditionCard> conditions = List.of(new ConditionCard("hf", "Heart failure", Set.of(HEART_FAILURE)),
				new ConditionCard("dm", "Type 2 diabetes", Set.of(DIABETES)));
		return new CarePlanRecord("https://ehr.example/fhir", "p1", null, Instant.now(), false,
				shown(List.of(walking, heartPlan)), shown(goals), shown(medications), shown(conditions),
				shown(List.of()), shown(List.of()));
	}

	private static <T extends java.io.Serializable> Section<T> shown(List<T> items) {
		return new Section<>(SectionStatus.SHOWN, items, null, false);
	}

	private static Group group(String slug, String snomed) {
		return new Group(1, "https://ehr.example/fhir", slug, slug, "", "", Audience.PATIENTS, true, GroupStatus.OPEN,
				new CodeSet(new TreeSet<>(Set.of(snomed)), new TreeSet<>()), Set.of(), Set.of(), 0, java.util.Map.of());
	}

}
