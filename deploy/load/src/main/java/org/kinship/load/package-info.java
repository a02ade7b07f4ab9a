/**
 * The load generator behind {@code deploy/bench/chat-load} and the other benchmarks:
 * members launched from the sandbox EHR, joined to groups a community manager creates,
 * online with real STOMP clients, sending at a fixed rate while every delivery is counted
 * and timed; a bare Spring STOMP broker to measure against; and for
 * {@code deploy/bench/capacity}, members acting in a realistic mix, added in steps until
 * a threshold breaks.
 */
@org.jspecify.annotations.NullMarked
package org.kinship.load;
