/**
 * Facilitated live sessions in a group: its staff schedule a session with a start, an end
 * and who may post (the facilitators only, or everyone); members see upcoming and live
 * sessions on the group's page, and while a facilitator-only session is live their
 * messages are refused with a plain reason, through the chat module's
 * {@link org.kinship.chat.PostingRule}. Attendance is kept while a session is live, and
 * when it ends the facilitator's summary is kept with the attendance count and the range
 * of messages posted during it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live sessions",
		allowedDependencies = { "shared", "launch", "groups", "chat", "moderation", "audit", "times", "programs" })
@org.jspecify.annotations.NullMarked
package org.kinship.sessions;
