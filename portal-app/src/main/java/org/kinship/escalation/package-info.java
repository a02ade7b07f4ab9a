/**
 * Escalations beyond Kinship's own queue: when screening raises an urgent escalation
 * (moderation's {@code EscalationRaised}), the member's care team hears of it through
 * their EHR, as each health system chooses (off by default): a FHIR {@code Communication}
 * to the practitioners of the patient's active {@code CareTeam}, or a {@code Task} owned
 * by it. The facilitators see on the escalation whether it reached the EHR
 * ({@link org.kinship.escalation.CareTeamAlerts}), and community managers see how soon
 * escalations are answered against the target
 * ({@link org.kinship.escalation.FirstResponses}). The review pages ask; this module
 * knows nothing of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalations",
		allowedDependencies = { "shared", "launch", "audit", "groups", "moderation" })
@org.jspecify.annotations.NullMarked
package org.kinship.escalation;
