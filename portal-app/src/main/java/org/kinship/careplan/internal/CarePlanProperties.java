package org.kinship.careplan.internal;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the care-plan module ({@code kinship.careplan}).
 *
 * @param timeBudget how long the group page waits for the record before the panel says
 * what is missing
 * @param cacheTtl how long a record read stays in the member's session
 * @param pageSize entries asked for per page ({@code _count})
 * @param maxEntries entries of one part followed through pages before the panel offers
 * "show more"
 * @param parallelism record reads made at once, across all members
 * @param cardsShown cards of a part shown before the rest is folded away
 * @param shareMaxLength the longest text a member may share from the plan
 */
@Validated
@ConfigurationProperties("kinship.careplan")
public record CarePlanProperties(@DefaultValue("PT2S") Duration timeBudget, @DefaultValue("PT5M") Duration cacheTtl,
		@DefaultValue("50") @Min(1) @Max(1000) int pageSize, @DefaultValue("100") @Min(1) @Max(5000) int maxEntries,
		@DefaultValue("8") @Min(1) @Max(64) int parallelism, @DefaultValue("4") @Min(1) @Max(100) int cardsShown,
		@DefaultValue("500") @Min(20) @Max(4000) int shareMaxLength) {
}
