package org.kinship.sessions.internal;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the live-sessions module ({@code kinship.sessions}).
 *
 * @param timeZone the community's time zone: sessions are scheduled and shown in it
 * @param maxDuration the longest session that may be scheduled
 * @param pastShown how many past sessions a group's page lists
 * @param maxSummary the longest summary, in characters
 */
@Validated
@ConfigurationProperties("kinship.sessions")
public record SessionsProperties(@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("PT8H") Duration maxDuration,
		@DefaultValue("5") @Min(1) @Max(50) int pastShown, @DefaultValue("4000") @Min(1) @Max(20000) int maxSummary) {
}
