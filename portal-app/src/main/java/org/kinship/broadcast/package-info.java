/**
 * Cohort broadcasts: community managers of a health system reach a whole audience at once
 * (some groups, or the members whose record holds a condition and perhaps a medicine) and
 * see who has received, read and acknowledged it. A broadcast is stored for every
 * recipient in one transaction before anyone is told
 * ({@link org.kinship.broadcast.BroadcastSent}), then pushed to the recipients online, on
 * every node, after commit; members who are not online find it in their inbox at their
 * next launch. Drafts and scheduled broadcasts are kept on the server; nothing is ever
 * half-sent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Broadcasts",
		allowedDependencies = { "shared", "launch", "audit", "groups", "chat", "realtime", "times" })
@org.jspecify.annotations.NullMarked
package org.kinship.broadcast;
