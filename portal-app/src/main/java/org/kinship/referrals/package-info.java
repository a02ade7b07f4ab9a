/**
 * Referrals from the chart: a clinician launched from the EHR with a patient in context
 * sees the groups and programs that fit that patient's record and refers them in two
 * clicks, with an optional note. The referral is kept in Kinship and, where the health
 * system allows it, recorded in the EHR as a FHIR {@code ServiceRequest} with a
 * {@code Task} for follow-up, after commit and again while the EHR fails (a refusal is
 * kept and the clinician sees each referral's EHR state). The patient finds it at their
 * next launch and accepts (joins or signs up) or declines; the referring clinician and
 * the community managers follow each referral's state, aggregate counts suppressed under
 * eleven.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals",
		allowedDependencies = { "shared", "launch", "audit", "groups", "programs", "sessions" })
@org.jspecify.annotations.NullMarked
package org.kinship.referrals;
