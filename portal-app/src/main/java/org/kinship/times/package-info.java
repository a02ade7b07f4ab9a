/**
 * The member's time zone: taken from the browser at the first page (a script sends it
 * once), changeable on a settings page, stored per person, and used for every time a page
 * shows ({@link org.kinship.times.MemberTimes}, {@code @kinshipTimes} in templates), with
 * the date wherever it is not today, and for the times staff type in forms. Nothing of it
 * is logged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Times", allowedDependencies = { "shared", "launch" })
@org.jspecify.annotations.NullMarked
package org.kinship.times;
