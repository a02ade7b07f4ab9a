/**
 * The facilitators' desk: the review queue of the groups a person moderates, the
 * decisions taken there (approve, edit and approve, reject, hide, warn, take an urgent
 * escalation) as they change the discussion live, the card of a member who may be at risk
 * (reach out in a private conversation, hand over, raise to urgent, record the outcome),
 * sanctions and notes on members, the moderation settings and watched words of a
 * community and its groups, and the moderation log. The rules and records live in the
 * moderation module; this module checks who may act and joins them with the chat. What
 * the escalation module knows (whether a member's care team was told, time to first
 * response) is shown on these pages, and a check-in answer showing risk arrives as an
 * urgent card like a crisis message's (told by the check-ins module).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review",
		allowedDependencies = { "shared", "chat", "conversations", "groups", "launch", "moderation", "realtime",
				"audit", "escalation", "checkins" })
@org.jspecify.annotations.NullMarked
package org.kinship.review;
