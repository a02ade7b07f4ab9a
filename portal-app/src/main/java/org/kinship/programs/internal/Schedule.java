package org.kinship.programs.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.kinship.programs.Program;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;

/**
 * A program's weekly schedule laid out as sessions, in the community's time zone, from
 * its first day (or today, for a program already running) to its last.
 */
@Component
public class Schedule {

	private final ProgramsProperties properties;

	Schedule(ProgramsProperties properties) {
		this.properties = properties;
	}

	/**
	 * The sessions of a program still to come.
	 * @param program the program
	 * @param now the time
	 * @return the spans, soonest first
	 * @throws Refused when the schedule makes more sessions than one program may have
	 */
	public List<Span> sessions(Program program, Instant now) {
		List<Span> spans = new ArrayList<>();
		LocalDate today = now.atZone(this.properties.timeZone()).toLocalDate();
		LocalDate day = program.startsOn().isBefore(today) ? today : program.startsOn();
		for (; !day.isAfter(program.endsOn()); day = day.plusDays(1)) {
			if (!program.days().contains(day.getDayOfWeek())) {
				continue;
			}
			ZonedDateTime start = day.atTime(program.startTime()).atZone(this.properties.timeZone());
			if (start.toInstant().isAfter(now)) {
				spans.add(new Span(start.toInstant(), start.plusMinutes(program.minutes()).toInstant()));
			}
			if (spans.size() > this.properties.maxSessions()) {
				throw new Refused("programs.error.too-many-sessions", this.properties.maxSessions());
			}
		}
		return spans;
	}

	/**
	 * One session's time.
	 *
	 * @param start its start
	 * @param end its end
	 */
	public record Span(Instant start, Instant end) {
	}

}
