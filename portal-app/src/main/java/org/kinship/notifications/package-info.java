/**
 * Notifications for members who are away, and for staff (an urgent escalation or items
 * waiting in the review queue of their group): e-mail (immediate notices batched over a
 * few minutes, and a daily digest) decided after commit from the events of chat, review,
 * groups, moderation, live sessions, broadcasts, referrals and programs (a reminder
 * before a program's session, and to its owner before it ends), each kept in this
 * module's outbox tables until the mail server has taken it, so that a crash or an outage
 * loses none and sends none twice. What is e-mailed is also pushed (Web Push) to each
 * browser where the member allowed it. A notice never carries message text, a diagnosis
 * or another member's name, and names a group only where the member allowed it; nothing
 * goes to an address the member has not confirmed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "shared", "launch", "groups", "chat", "review", "moderation", "sessions", "broadcast",
				"referrals", "programs" })
@org.jspecify.annotations.NullMarked
package org.kinship.notifications;
