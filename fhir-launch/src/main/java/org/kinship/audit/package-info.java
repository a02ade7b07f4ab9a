/**
 * The audit log: an append-only record of launches, refreshes, failures and FHIR reads,
 * and of what staff decide about groups and members (control changes, sanctions), who did
 * them, for which patient, when, with which outcome and correlation id. It never holds
 * health data, and nothing here writes health data to log files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@org.jspecify.annotations.NullMarked
package org.kinship.audit;
