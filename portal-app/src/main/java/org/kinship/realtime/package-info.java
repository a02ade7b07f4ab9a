/**
 * Real-time delivery: the STOMP endpoint, the authorization of every frame, and the
 * fan-out of committed messages to this node's subscribers and, with Redis configured, to
 * every other node. Sockets close when their launch session ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Real time",
		allowedDependencies = { "shared", "chat", "launch", "moderation", "broadcast", "review" })
@org.jspecify.annotations.NullMarked
package org.kinship.realtime;
