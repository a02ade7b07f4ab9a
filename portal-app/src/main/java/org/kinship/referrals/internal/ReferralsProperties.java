package org.kinship.referrals.internal;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the referrals module ({@code kinship.referrals}).
 *
 * @param ehrIssuers issuer keys where a referral is recorded in the EHR as a
 * {@code ServiceRequest} and a {@code Task} (off by default)
 * @param ehrAttempts how many times in a row a referral is written when the EHR fails or
 * does not answer, before it waits for {@code ehrRetryAfter}
 * @param ehrBackoff the pause after a failed attempt, times the attempt's number
 * @param ehrRetryAfter how long a referral the EHR failed waits before it is tried again;
 * also how often such referrals are looked for. Longer than a round of attempts takes
 * @param ehrGiveUpAfter how long after it was made a referral the EHR still fails stops
 * being tried (the clinician is shown it is not in the EHR)
 * @param maxNote the longest note a clinician may add
 * @param attendanceWindow how soon after a referral a first attendance counts for the
 * community's figure
 * @param smallestCount aggregate counts below this are not shown
 */
@Validated
@ConfigurationProperties("kinship.referrals")
public record ReferralsProperties(@DefaultValue("") Set<String> ehrIssuers,
		@DefaultValue("3") @Min(1) @Max(10) int ehrAttempts, @DefaultValue("PT2S") Duration ehrBackoff,
		@DefaultValue("PT15M") Duration ehrRetryAfter, @DefaultValue("P3D") Duration ehrGiveUpAfter,
		@DefaultValue("1000") @Min(1) @Max(1000) int maxNote, @DefaultValue("P30D") Duration attendanceWindow,
		@DefaultValue("11") @Min(1) int smallestCount) {
}
