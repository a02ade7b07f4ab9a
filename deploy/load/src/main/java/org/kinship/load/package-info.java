/**
 * The chat load generator behind {@code deploy/bench/chat-load}: members launched from
 * the sandbox EHR, joined to groups a community manager creates, online with real STOMP
 * clients, sending at a fixed rate while every delivery is counted and timed; and a bare
 * Spring STOMP broker to measure against.
 */
@org.jspecify.annotations.NullMarked
package org.kinship.load;
