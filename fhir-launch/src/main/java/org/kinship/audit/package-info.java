/**
 * The audit log: an append-only record of launches, refreshes, failures and FHIR reads,
 * who did them, for which patient, with which outcome and correlation id. It never holds
 * health data, and nothing here writes health data to log files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@org.jspecify.annotations.NullMarked
package org.kinship.audit;
