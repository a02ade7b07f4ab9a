/**
 * Live group chat. A message is screened, stored with the group's next sequence number
 * and only then acknowledged and published ({@link org.kinship.chat.MessagePosted}, after
 * commit); the sender's own id for each message makes a retry find the stored message
 * instead of storing a second one. Messages sent at the same moment are stored in one
 * transaction, each acknowledged after its commit ({@code internal.SendWriter}). Members
 * who come back ask for everything after the last sequence they saw.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat",
		allowedDependencies = { "shared", "launch", "groups", "moderation", "audit", "realtime" })
@org.jspecify.annotations.NullMarked
package org.kinship.chat;
