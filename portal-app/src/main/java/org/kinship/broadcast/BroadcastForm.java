package org.kinship.broadcast;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The compose form as the community manager filled it in.
 *
 * @param submissionId the form's own id, given out with the blank form, so that sending
 * the same form twice stores one broadcast
 * @param title the title
 * @param body the body (Markdown)
 * @param priority info, important or urgent
 * @param audienceKind {@code GROUPS} or {@code COHORT}
 * @param groupIds the chosen groups
 * @param snomedCodes SNOMED CT concept ids
 * @param icd10Codes ICD-10-CM codes or prefixes
 * @param rxnormCodes RxNorm codes
 * @param scheduledAt the time to send, as {@code 2026-12-01T09:30} in UTC, blank for now
 * @param expiresAt the time it stops being shown, same form, blank for never
 * @param titleEs the title in Spanish, blank for none
 * @param bodyEs the body in Spanish (Markdown), blank for none
 */
public record BroadcastForm(@Nullable String submissionId, @Nullable String title, @Nullable String body,
		@Nullable Priority priority, AudienceSpec.@Nullable Kind audienceKind, @Nullable List<Long> groupIds,
		@Nullable String snomedCodes, @Nullable String icd10Codes, @Nullable String rxnormCodes,
		@Nullable String scheduledAt, @Nullable String expiresAt, @Nullable String titleEs, @Nullable String bodyEs) {

	/**
	 * A form with no Spanish words.
	 * @param submissionId the form's own id
	 * @param title the title
	 * @param body the body (Markdown)
	 * @param priority info, important or urgent
	 * @param audienceKind {@code GROUPS} or {@code COHORT}
	 * @param groupIds the chosen groups
	 * @param snomedCodes SNOMED CT concept ids
	 * @param icd10Codes ICD-10-CM codes or prefixes
	 * @param rxnormCodes RxNorm codes
	 * @param scheduledAt the time to send, blank for now
	 * @param expiresAt the time it stops being shown, blank for never
	 */
	public BroadcastForm(@Nullable String submissionId, @Nullable String title, @Nullable String body,
			@Nullable Priority priority, AudienceSpec.@Nullable Kind audienceKind, @Nullable List<Long> groupIds,
			@Nullable String snomedCodes, @Nullable String icd10Codes, @Nullable String rxnormCodes,
			@Nullable String scheduledAt, @Nullable String expiresAt) {
		this(submissionId, title, body, priority, audienceKind, groupIds, snomedCodes, icd10Codes, rxnormCodes,
				scheduledAt, expiresAt, "", "");
	}

	/**
	 * A blank form with a fresh submission id.
	 * @return the form
	 */
	public static BroadcastForm blank() {
		return new BroadcastForm(java.util.UUID.randomUUID().toString(), "", "", Priority.INFO,
				AudienceSpec.Kind.GROUPS, List.of(), "", "", "", "", "", "", "");
	}

	/**
	 * The form of a stored broadcast, for editing it.
	 * @param broadcast the broadcast
	 * @param zone the time zone its times are typed in
	 * @return the form
	 */
	public static BroadcastForm of(Broadcast broadcast, java.time.ZoneId zone) {
		AudienceSpec audience = broadcast.audience();
		return new BroadcastForm(null, broadcast.title(), broadcast.body(), broadcast.priority(), audience.kind(),
				audience.groupIds(), audience.snomedCodes(), audience.icd10Codes(), audience.rxnormCodes(),
				Times.format(broadcast.scheduledAt(), zone), Times.format(broadcast.expiresAt(), zone),
				broadcast.spanish().title(), broadcast.spanish().body());
	}

	String text(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

	AudienceSpec audience() {
		return new AudienceSpec((this.audienceKind != null) ? this.audienceKind : AudienceSpec.Kind.GROUPS,
				(this.groupIds != null) ? List.copyOf(this.groupIds) : List.of(), text(this.snomedCodes),
				text(this.icd10Codes), text(this.rxnormCodes));
	}

}
