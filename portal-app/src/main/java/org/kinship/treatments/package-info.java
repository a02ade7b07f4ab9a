/**
 * Treatments across groups: a page per medicine ingredient listing the messages members
 * tagged with it in every group the viewer reads, whatever the condition, and how many
 * members discuss it (suppressed under 11 by the insights' disclosure rules). A member
 * tags a message only with an ingredient of their own record's medicines, which chat
 * checks at every send; this module only reads what chat allows the viewer to read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Treatments",
		allowedDependencies = { "shared", "launch", "chat", "groups", "insights" })
@org.jspecify.annotations.NullMarked
package org.kinship.treatments;
