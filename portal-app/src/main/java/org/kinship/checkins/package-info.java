/**
 * Check-ins: short standard questionnaires (PHQ-2, GAD-2, PROMIS Global-10 and a 0-10
 * symptom set per condition), and a medicines check-in asked about each active medicine
 * of the member's own record (read through the care-plan module), defined as FHIR R4
 * {@code Questionnaire} resources in the project, that a group's staff choose and
 * schedule for their group. A member answers from the group's page; the answers are
 * scored and kept in Kinship, an answer showing risk shows the member the crisis
 * resources at once and raises an urgent escalation in the moderation review queue as a
 * crisis message does (a medicine run out of or stopped, as care distress does), and the
 * member may save an answer to their own record as a {@code QuestionnaireResponse}, only
 * by their explicit choice. Also "my trends": the member's scores over time beside the
 * measurements of their record that matter to their groups and the targets of their
 * goals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Check-ins",
		allowedDependencies = { "shared", "launch", "audit", "groups", "moderation", "chat", "careplan" })
@org.jspecify.annotations.NullMarked
package org.kinship.checkins;
