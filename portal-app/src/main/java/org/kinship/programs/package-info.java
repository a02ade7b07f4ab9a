/**
 * The community's program directory beside the groups: support groups that meet in person
 * or by video, classes and courses, each with who it is for, its language, cost, place or
 * video link, weekly schedule, capacity and contact, kept by community managers and gone
 * from the directory by itself after its end date (its owner reminded two weeks before,
 * on the management page and, through {@link org.kinship.programs.ProgramEndingSoon}, by
 * the notifications). Programs may be linked to condition groups and are listed on their
 * pages. Members search the directory by condition, language, distance from a postal code
 * (centroids shipped with Kinship, no outside service) and day of the week, sign up for a
 * session within its capacity or join its waiting list
 * ({@link org.kinship.programs.ProgramSignedUp} lets the notifications remind them before
 * it), and the program's staff take attendance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programs",
		allowedDependencies = { "shared", "launch", "audit", "groups" })
@org.jspecify.annotations.NullMarked
package org.kinship.programs;
