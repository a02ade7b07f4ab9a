package org.kinship.programs.internal;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the programs module ({@code kinship.programs}).
 *
 * @param timeZone the community's time zone: schedules are typed and shown in it, and a
 * program leaves the directory at the end of its last day there
 * @param reminderBefore how long before a program's end its owner is reminded
 * @param reminderInterval how often programs due a reminder are looked for
 * @param maxSessions the most sessions one program's schedule may make
 * @param postalCodes the postal-code centroids that distances are measured from (CSV:
 * code, latitude, longitude)
 * @param maxMiles the farthest a search may reach
 */
@Validated
@ConfigurationProperties("kinship.programs")
public record ProgramsProperties(@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("P14D") Period reminderBefore,
		@DefaultValue("PT1H") Duration reminderInterval, @DefaultValue("200") @Min(1) @Max(1000) int maxSessions,
		@DefaultValue("classpath:programs/us-zip-centroids.csv") Resource postalCodes,
		@DefaultValue("100") @Min(1) @Max(3000) int maxMiles) {
}
