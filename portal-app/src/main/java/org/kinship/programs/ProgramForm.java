package org.kinship.programs;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A program as the manager's form sends it; checked by {@link ProgramDirectory}.
 *
 * @param kind support group, class or course
 * @param name its name
 * @param description what it is
 * @param audience who it is for
 * @param language its language code
 * @param cost what it costs
 * @param format in person or by video
 * @param address the address, for in person
 * @param postalCode the address's postal code, for in person
 * @param accessibility accessibility notes, for in person
 * @param videoUrl the link, for video
 * @param days the days of the week (1 Monday to 7 Sunday)
 * @param startTime when sessions start ({@code 18:30})
 * @param minutes how long each lasts
 * @param capacity places per session
 * @param contact whom to ask
 * @param startsOn the first day ({@code 2026-01-06})
 * @param endsOn the last day
 * @param groupIds the condition groups to link it to
 */
public record ProgramForm(@Nullable ProgramKind kind, @Nullable String name, @Nullable String description,
		@Nullable String audience, @Nullable String language, @Nullable String cost, @Nullable ProgramFormat format,
		@Nullable String address, @Nullable String postalCode, @Nullable String accessibility,
		@Nullable String videoUrl, @Nullable List<Integer> days, @Nullable String startTime, @Nullable Integer minutes,
		@Nullable Integer capacity, @Nullable String contact, @Nullable String startsOn, @Nullable String endsOn,
		@Nullable List<Long> groupIds) {

	/**
	 * An empty form.
	 * @return the form
	 */
	public static ProgramForm blank() {
		return new ProgramForm(ProgramKind.SUPPORT_GROUP, "", "", "", "en", "", ProgramFormat.IN_PERSON, "", "", "", "",
				List.of(), "18:00", 90, 12, "", "", "", List.of());
	}

	/**
	 * The form of a stored program, for editing.
	 * @param program the program
	 * @return the form
	 */
	public static ProgramForm of(Program program) {
		return new ProgramForm(program.kind(), program.name(), program.description(), program.audience(),
				program.language(), program.cost(), program.format(), program.address(), program.postalCode(),
				program.accessibility(), program.videoUrl(),
				program.days().stream().map((day) -> day.getValue()).toList(), program.startTime().toString(),
				program.minutes(), program.capacity(), program.contact(), program.startsOn().toString(),
				program.endsOn().toString(), List.copyOf(program.groupIds()));
	}

	/**
	 * Whether a day is ticked, for the form.
	 * @param day 1 Monday to 7 Sunday
	 * @return true if ticked
	 */
	public boolean hasDay(int day) {
		return this.days != null && this.days.contains(day);
	}

	/**
	 * Whether a group is ticked, for the form.
	 * @param groupId the group
	 * @return true if ticked
	 */
	public boolean hasGroup(long groupId) {
		return this.groupIds != null && this.groupIds.contains(groupId);
	}

}
