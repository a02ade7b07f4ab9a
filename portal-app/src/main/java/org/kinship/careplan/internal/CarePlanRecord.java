package org.kinship.careplan.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What the panel read of one patient's record, mapped to Kinship's own cards at once.
 * Kept only in the member's session, for a few minutes.
 *
 * @param issuer the EHR's FHIR base URL
 * @param patientId the patient whose record it is
 * @param patientName the patient's name as read at launch, or {@code null}
 * @param readAt when it was read
 * @param accessEnded whether the EHR no longer accepts the session's token, so that
 * nothing could be read
 * @param plans active care plans
 * @param goals goals
 * @param medications active prescriptions
 * @param conditions active conditions
 * @param careTeam the care team
 * @param appointments upcoming appointments, soonest first
 */
public record CarePlanRecord(String issuer, String patientId, @Nullable String patientName, Instant readAt,
		boolean accessEnded, Section<CarePlanCard> plans, Section<GoalCard> goals, Section<MedicationCard> medications,
		Section<ConditionCard> conditions, Section<CareTeamMember> careTeam,
		Section<AppointmentCard> appointments) implements Serializable {

	/**
	 * A record that could not be read because the EHR no longer accepts the session.
	 * @param issuer the EHR
	 * @param patientId the patient
	 * @return the record, every part unavailable
	 */
	public static CarePlanRecord accessEnded(String issuer, String patientId) {
		return unread(issuer, patientId, true);
	}

	/**
	 * A record that could not be read at all, for a reason the parts cannot tell.
	 * @param issuer the EHR
	 * @param patientId the patient
	 * @return the record, every part unavailable
	 */
	public static CarePlanRecord unavailable(String issuer, String patientId) {
		return unread(issuer, patientId, false);
	}

	private static CarePlanRecord unread(String issuer, String patientId, boolean accessEnded) {
		return new CarePlanRecord(issuer, patientId, null, Instant.now(), accessEnded,
				Section.missing(SectionStatus.UNAVAILABLE), Section.missing(SectionStatus.UNAVAILABLE),
				Section.missing(SectionStatus.UNAVAILABLE), Section.missing(SectionStatus.UNAVAILABLE),
				Section.missing(SectionStatus.UNAVAILABLE), Section.missing(SectionStatus.UNAVAILABLE));
	}

	/**
	 * Whether every part came back as the EHR means it, so that it may be cached.
	 * @return false when the session's access ended or a part was slow, failing or
	 * unreadable
	 */
	public boolean settled() {
		return !this.accessEnded && sections().noneMatch((section) -> section.status().passing());
	}

	/**
	 * The status of each part, in the order of {@link Part}.
	 * @return the statuses
	 */
	public List<SectionStatus> statuses() {
		return sections().map(Section::status).toList();
	}

	private Stream<Section<?>> sections() {
		return Stream.of(this.plans, this.goals, this.medications, this.conditions, this.careTeam, this.appointments);
	}

}
