package org.kinship.checkins.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the check-ins module ({@code kinship.checkins}).
 *
 * @param defaultEveryDays how often a check-in is asked when staff choose it without
 * saying, in days
 * @param maxEveryDays the longest interval staff may choose, in days
 * @param writeScope the scope a member's grant needs before an answer can be sent to
 * their record
 * @param maxMedicines the most medicines the medicines check-in asks about, in the
 * record's order
 */
@Validated
@ConfigurationProperties("kinship.checkins")
public record CheckinProperties(@DefaultValue("7") @Min(1) @Max(365) int defaultEveryDays,
		@DefaultValue("90") @Min(1) @Max(365) int maxEveryDays,
		@DefaultValue("patient/QuestionnaireResponse.c") String writeScope,
		@DefaultValue("20") @Min(1) @Max(50) int maxMedicines) {
}
