package org.kinship.insights.internal;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the insights module ({@code kinship.insights}).
 *
 * @param refreshInterval how often every group's insights are computed again (and
 * contributors' medicines read again); {@code PT0S} turns the job off
 * @param medicinesShown the most medicine ingredients a group's insights list
 * @param periodDays the length of one period of the check-in distributions
 * @param periods how many periods back the distributions go
 */
@Validated
@ConfigurationProperties("kinship.insights")
public record InsightsProperties(@DefaultValue("P1D") Duration refreshInterval,
		@DefaultValue("10") @Min(1) @Max(50) int medicinesShown, @DefaultValue("28") @Min(1) @Max(365) int periodDays,
		@DefaultValue("3") @Min(1) @Max(24) int periods) {
}
