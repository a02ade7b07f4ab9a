package org.kinship.programs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;

/**
 * A program of one health system's community.
 *
 * @param id its id
 * @param issuer the health system's FHIR base URL
 * @param kind support group, class or course
 * @param name its name
 * @param description what it is, plain text
 * @param audience who it is for, plain text
 * @param language the language it is held in (a code Kinship offers, {@code en})
 * @param cost what it costs, plain text ("Free")
 * @param format in person or by video
 * @param address where it meets in person, or {@code null}
 * @param postalCode the postal code of that address, or {@code null}
 * @param accessibility accessibility notes for the place, or {@code null}
 * @param videoUrl the video link, or {@code null}
 * @param days the days of the week it meets on
 * @param startTime when its sessions start, in the community's time zone
 * @param minutes how long a session lasts
 * @param capacity places per session
 * @param contact whom to ask
 * @param startsOn its first day
 * @param endsOn its last day: after it, the program leaves the directory
 * @param owner who keeps it, as {@code Practitioner/123}
 * @param remindedAt when the owner was reminded of its end, or {@code null}
 * @param groupIds the condition groups it is linked to
 */
public record Program(long id, String issuer, ProgramKind kind, String name, String description, String audience,
		String language, String cost, ProgramFormat format, @Nullable String address, @Nullable String postalCode,
		@Nullable String accessibility, @Nullable String videoUrl, SortedSet<DayOfWeek> days, LocalTime startTime,
		int minutes, int capacity, String contact, LocalDate startsOn, LocalDate endsOn, String owner,
		@Nullable Instant remindedAt, Set<Long> groupIds) {

	/**
	 * Whether the program is still in the directory on a day.
	 * @param today the day, in the community's time zone
	 * @return true until its end date has passed
	 */
	public boolean currentOn(LocalDate today) {
		return !this.endsOn.isBefore(today);
	}

	/**
	 * The time of day its sessions end.
	 * @return the end time
	 */
	public LocalTime endTime() {
		return this.startTime.plusMinutes(this.minutes);
	}

}
