package org.kinship.checkins;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A line chart drawn on the server as SVG: one or two series of dated values, each with
 * its own marker shape (circle, square) so that no colour is needed to tell them apart,
 * and a target drawn as a dashed line labelled in words. Coordinates are in a 640 by 240
 * box.
 *
 * @param series the lines, with their points placed
 * @param yLabels the value axis' labels, bottom to top
 * @param firstDate the earliest date shown
 * @param lastDate the latest date shown
 * @param targetY where the target's line is drawn, or {@code null} for none
 */
public record Chart(List<Line> series, List<Label> yLabels, String firstDate, String lastDate,
		@Nullable Double targetY) {

	/** The box's width. */
	public static final int WIDTH = 640;

	/** The box's height. */
	public static final int HEIGHT = 240;

	private static final int LEFT = 48;

	private static final int BOTTOM = 24;

	private static final int TOP = 12;

	/**
	 * Places dated values in the box.
	 * @param lines each series' name and points
	 * @param target the target value, or {@code null}
	 * @return the chart, or {@code null} when there is nothing to draw
	 */
	public static @Nullable Chart of(List<Series> lines, @Nullable Double target) {
		List<Point> all = lines.stream().flatMap((line) -> line.points().stream()).toList();
		if (all.isEmpty()) {
			return null;
		}
		LocalDate first = all.stream().map(Point::date).min(LocalDate::compareTo).orElseThrow();
		LocalDate last = all.stream().map(Point::date).max(LocalDate::compareTo).orElseThrow();
		double low = all.stream().mapToDouble(Point::value).min().orElseThrow();
		double high = all.stream().mapToDouble(Point::value).max().orElseThrow();
		if (target != null) {
			low = Math.min(low, target);
			high = Math.max(high, target);
		}
		double span = (high - low == 0) ? 1 : high - low;
		double bottom = low - span * 0.1;
		double top = high + span * 0.1;
		Scale scale = new Scale(first, Math.max(1, last.toEpochDay() - first.toEpochDay()), bottom, top);
		List<Line> placed = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			placed.add(scale.line(lines.get(i), (i == 0) ? "circle" : "square"));
		}
		List<Label> labels = List.of(scale.label(low), scale.label((low + high) / 2), scale.label(high));
		return new Chart(placed, labels, first.toString(), last.toString(), (target != null) ? scale.y(target) : null);
	}

	/**
	 * One series to draw.
	 *
	 * @param name its name, in words
	 * @param points its values
	 */
	public record Series(String name, List<Point> points) {
	}

	/**
	 * A dated value.
	 *
	 * @param date when
	 * @param value what
	 */
	public record Point(LocalDate date, double value) {
	}

	/**
	 * A series placed in the box.
	 *
	 * @param name its name
	 * @param marker {@code circle} or {@code square}
	 * @param polyline the SVG {@code points} attribute
	 * @param markers the points' coordinates
	 */
	public record Line(String name, String marker, String polyline, List<double[]> markers) {
	}

	/**
	 * A label of the value axis.
	 *
	 * @param y where
	 * @param text what
	 */
	public record Label(double y, String text) {
	}

	private record Scale(LocalDate first, long days, double bottom, double top) {

		double x(LocalDate date) {
			return round(
					LEFT + (WIDTH - LEFT - 8) * (double) (date.toEpochDay() - this.first.toEpochDay()) / this.days);
		}

		double y(double value) {
			return round(HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * (value - this.bottom) / (this.top - this.bottom));
		}

		Line line(Series series, String marker) {
			List<double[]> markers = series.points()
				.stream()
				.map((p) -> new double[] { x(p.date()), y(p.value()) })
				.toList();
			StringBuilder polyline = new StringBuilder();
			markers
				.forEach((m) -> polyline.append(polyline.isEmpty() ? "" : " ").append(m[0]).append(',').append(m[1]));
			return new Line(series.name(), marker, polyline.toString(), markers);
		}

		Label label(double value) {
			return new Label(y(value), String.format(Locale.ROOT, "%.1f", value));
		}

		private static double round(double value) {
			return Math.round(value * 10) / 10.0;
		}

	}

}
