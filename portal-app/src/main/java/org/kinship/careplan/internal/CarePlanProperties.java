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
 * @param panelTimeout how long the panel's own request (never the group page, which does
 * not wait for the record) waits for the record before the panel names the parts that
 * have not arrived; the page's script waits a little longer than this for the panel
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
public record CarePlanProperties(@DefaultValue("PT30S") Duration panelTimeout, @DefaultValue("PT5M") Duration cacheTtl,
		@DefaultValue("50") @Min(1) @Max(1000) int pageSize, @DefaultValue("100") @Min(1) @Max(5000) int maxEntries,
		@DefaultValue("8") @Min(1) @Max(64) int parallelism, @DefaultValue("4") @Min(1) @Max(100) int cardsShown,
		@DefaultValue("500") @Min(20) @Max(4000) int shareMaxLength) {
}
