/**
 * Condition groups: each health system's support groups, defined by coded conditions,
 * suggested to a patient (or a caregiver) from their own record and joined by choice
 * under a name of the member's choosing. Matching happens inside Kinship; no member's
 * codes or diagnoses are stored or shown to anyone else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Groups",
		allowedDependencies = { "shared", "launch", "audit", "moderation" })
@org.jspecify.annotations.NullMarked
package org.kinship.groups;
