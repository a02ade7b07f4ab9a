/**
 * Private conversations between a group's staff and one of its members: a facilitator
 * opens one from the review desk to reach out to a member who may be at risk, both sides
 * read and write on a simple page that updates live, and the member sees a notice of new
 * messages on their pages. Every request and every STOMP frame is checked on the server:
 * only the member and the staff of the conversation's group take part. Messages are plain
 * text stored in the database; nothing of them is logged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations",
		allowedDependencies = { "shared", "launch", "groups", "realtime", "moderation" })
@org.jspecify.annotations.NullMarked
package org.kinship.conversations;
