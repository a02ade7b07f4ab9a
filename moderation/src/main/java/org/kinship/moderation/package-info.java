/**
 * Moderation: screens every message before it is stored, brings what needs a person to
 * the right facilitator, and records facilitators' decisions. Pages live in portal-app;
 * the rules, the queue and the decisions live here. Chat asks {@link Moderation} once per
 * message sent ({@link Moderation#admit(Posting)}) and applies the answer to its own
 * messages; this module knows nothing of chat.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation")
@org.jspecify.annotations.NullMarked
package org.kinship.moderation;
