package org.kinship.checkins;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.checkins.Chart.Point;
import org.kinship.checkins.Chart.Series;
import org.kinship.checkins.internal.CheckinStore;
import org.kinship.checkins.internal.CheckinStore.StoredAnswer;
import org.kinship.checkins.internal.QuestionnaireCatalog;
import org.kinship.checkins.internal.RecordTrends;
import org.kinship.checkins.internal.RecordTrends.Value;
import org.kinship.groups.CodeSet;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.Membership.MembershipStatus;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Component;

/**
 * A member's own trends: their check-in scores over time, and the measurements of their
 * record that matter to the groups they belong to (A1c for diabetes; weight and blood
 * pressure for diabetes and heart failure; FEV1 for COPD), read live with their token,
 * each beside their goal's target where the record has one. Shown to the member only.
 */
@Component
public class MyTrends {

	private static final Map<Chartable, List<String[]>> RELEVANT = Map.of(Chartable.A1C, List.<String[]>of(diabetes()),
			Chartable.WEIGHT, List.of(diabetes(), heartFailure()), Chartable.BLOOD_PRESSURE,
			List.of(diabetes(), heartFailure()), Chartable.FEV1, List.<String[]>of(copd()));

	private final CheckinStore store;

	private final QuestionnaireCatalog catalog;

	private final RecordTrends record;

	private final GroupDirectory groups;

	MyTrends(CheckinStore store, QuestionnaireCatalog catalog, RecordTrends record, GroupDirectory groups) {
		this.store = store;
		this.catalog = catalog;
		this.record = record;
		this.groups = groups;
	}

	/**
	 * The person's trends.
	 * @param principal the member
	 * @param locale the page's language
	 * @return the trends
	 */
	public Trends of(KinshipPrincipal principal, Locale locale) {
		List<ScoreTrend> scores = scores(principal, locale);
		Set<Chartable> relevant = relevant(principal);
		RecordTrends.Read read = relevant.isEmpty() ? new RecordTrends.Read(true, List.of(), Map.of())
				: this.record.read(principal);
		List<MeasureTrend> measures = new ArrayList<>();
		for (Chartable chartable : Chartable.values()) {
			if (relevant.contains(chartable)) {
				measureTrend(chartable, read).ifPresent(measures::add);
			}
		}
		return new Trends(scores, measures, read.available(), !relevant.isEmpty());
	}

	private List<ScoreTrend> scores(KinshipPrincipal principal, Locale locale) {
		Map<String, List<StoredAnswer>> byQuestionnaire = new LinkedHashMap<>();
		this.store.ofMember(principal.issuer(), principal.fhirUser())
			.forEach((answer) -> byQuestionnaire.computeIfAbsent(answer.questionnaire(), (key) -> new ArrayList<>())
				.add(answer));
		return byQuestionnaire.entrySet().stream().map((entry) -> {
			String title = this.catalog.form(entry.getKey(), locale).map(CheckinForm::title).orElse(entry.getKey());
			List<Point> points = entry.getValue()
				.stream()
				.map((answer) -> new Point(answer.answeredAt().atZone(ZoneOffset.UTC).toLocalDate(), answer.score()))
				.toList();
			List<Row> rows = entry.getValue()
				.stream()
				.map((answer) -> new Row(answer.answeredAt().atZone(ZoneOffset.UTC).toLocalDate(),
						String.valueOf(answer.score()), answer.band().name(), null))
				.toList();
			return new ScoreTrend(entry.getKey(), title, Chart.of(List.of(new Series(title, points)), null), rows);
		}).toList();
	}

	private java.util.Optional<MeasureTrend> measureTrend(Chartable chartable, RecordTrends.Read read) {
		List<Value> values = read.values()
			.stream()
			.filter((value) -> chartable.measures().contains(value.measure()))
			.sorted(Comparator.comparing(Value::date))
			.toList();
		if (values.isEmpty()) {
			return java.util.Optional.empty();
		}
		List<Series> series = chartable.measures()
			.stream()
			.map((measure) -> new Series(measure.name(),
					values.stream()
						.filter((value) -> value.measure() == measure && value.charted() != null)
						.map((value) -> new Point(value.date(), value.charted()))
						.toList()))
			.filter((line) -> !line.points().isEmpty())
			.toList();
		Double target = chartable.measures()
			.stream()
			.map(read.targets()::get)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		List<Row> rows = values.stream()
			.map((value) -> new Row(value.date(), format(value.value()) + " " + unitShown(value.unit()),
					value.measure().name(), (value.charted() == null) ? "unconverted" : null))
			.toList();
		return java.util.Optional.of(new MeasureTrend(chartable, Chart.of(series, target), rows, target));
	}

	private Set<Chartable> relevant(KinshipPrincipal principal) {
		Set<Chartable> relevant = EnumSet.noneOf(Chartable.class);
		this.groups.mine(principal)
			.stream()
			.filter((mine) -> mine.membership().status() == MembershipStatus.ACTIVE)
			.map((mine) -> mine.group().codes())
			.forEach((codes) -> RELEVANT.forEach((chartable, conditions) -> {
				if (conditions.stream().anyMatch((condition) -> matchesAny(codes, condition))) {
					relevant.add(chartable);
				}
			}));
		return relevant;
	}

	private static boolean matchesAny(CodeSet codes, String[] condition) {
		return codes.matches(CodeSet.SNOMED, condition[0]) || codes.matches(CodeSet.SNOMED, condition[1])
				|| codes.matches(CodeSet.ICD10, condition[2]);
	}

	private static String[] diabetes() {
		return new String[] { "44054006", "44054006", "E11.9" };
	}

	private static String[] heartFailure() {
		return new String[] { "84114007", "88805009", "I50.9" };
	}

	private static String[] copd() {
		return new String[] { "13645005", "185086009", "J44.9" };
	}

	private static String format(double value) {
		return (Math.abs(value - Math.rint(value)) < 0.05) ? String.valueOf(Math.round(value))
				: String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * A UCUM code as people write the unit: {@code mm[Hg]} is mmHg, {@code [lb_av]} lb.
	 */
	private static String unitShown(String unit) {
		return switch (unit) {
			case "mm[Hg]" -> "mmHg";
			case "[lb_av]" -> "lb";
			default -> unit;
		};
	}

	/** What one chart of the record shows. */
	public enum Chartable {

		/** A1c. */
		A1C(List.of(Measure.A1C)),
		/** Weight. */
		WEIGHT(List.of(Measure.WEIGHT)),
		/** Blood pressure: systolic and diastolic. */
		BLOOD_PRESSURE(List.of(Measure.SYSTOLIC, Measure.DIASTOLIC)),
		/** FEV1. */
		FEV1(List.of(Measure.FEV1));

		private final List<Measure> measures;

		Chartable(List<Measure> measures) {
			this.measures = measures;
		}

		/**
		 * The measures it charts.
		 * @return the measures
		 */
		public List<Measure> measures() {
			return this.measures;
		}

	}

	/**
	 * A member's trends.
	 *
	 * @param scores their check-in scores, one trend per check-in
	 * @param measures their record's measurements that matter to their groups
	 * @param recordAvailable whether the record could be read
	 * @param recordRelevant whether any of their groups has measurements to show
	 */
	public record Trends(List<ScoreTrend> scores, List<MeasureTrend> measures, boolean recordAvailable,
			boolean recordRelevant) {
	}

	/**
	 * One check-in's scores.
	 *
	 * @param questionnaire its id
	 * @param title its title
	 * @param chart the chart, or {@code null}
	 * @param rows the table
	 */
	public record ScoreTrend(String questionnaire, String title, @Nullable Chart chart, List<Row> rows) {
	}

	/**
	 * One kind of measurement.
	 *
	 * @param chartable what it is
	 * @param chart the chart, or {@code null} when no value could be charted
	 * @param rows the table, every value as recorded
	 * @param target the goal's target, or {@code null}
	 */
	public record MeasureTrend(Chartable chartable, @Nullable Chart chart, List<Row> rows, @Nullable Double target) {
	}

	/**
	 * One row of a table.
	 *
	 * @param date when
	 * @param value the value with its unit
	 * @param kind what it is (a band, or a measure)
	 * @param note {@code unconverted} for a value left out of the chart, or {@code null}
	 */
	public record Row(LocalDate date, String value, String kind, @Nullable String note) {
	}

}
