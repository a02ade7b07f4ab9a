/**
 * Real-time delivery, as infrastructure under the features: the STOMP endpoint, the
 * authorization of every frame, pushing to a topic or to a member's open pages
 * ({@link org.kinship.realtime.LivePages}), relaying a feature's payload to the other
 * nodes through Redis ({@link org.kinship.realtime.Relay},
 * {@link org.kinship.realtime.RelayHandler}) and who is online
 * ({@link org.kinship.realtime.Presence}). It knows no feature: each feature says which
 * of its destinations a person may use ({@link org.kinship.realtime.DestinationRule}) and
 * listens to its own events. Sockets close when their launch session ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Real time",
		allowedDependencies = { "shared", "launch", "audit" })
@org.jspecify.annotations.NullMarked
package org.kinship.realtime;
