package org.kinship.audit;

import java.time.Period;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long Kinship keeps what it stores ({@code kinship.retention}), as periods
 * ({@code P2Y}, {@code P30D}). Each module that owns a table runs its own job against
 * these settings, on the one schedule.
 *
 * @param messages how long chat messages are kept after they were posted; {@code null}
 * (the default): for ever
 * @param deletedMessageText how long the text of a deleted message (and its earlier
 * versions) is kept after the deletion, for moderators; the row stays as a tombstone.
 * {@code null} (the default): for ever
 * @param audit how long the audit log is kept; six years by default (HIPAA's
 * documentation retention); {@code null}: for ever
 * @param cron when the jobs run (a Spring cron expression, in the node's time zone);
 * {@code -} turns them off
 * @param batchSize rows deleted per transaction, so that no run locks a busy table for
 * long
 */
@Validated
@ConfigurationProperties("kinship.retention")
public record RetentionProperties(@Nullable Period messages, @Nullable Period deletedMessageText,
		@DefaultValue("P6Y") @Nullable Period audit, @DefaultValue("0 30 3 * * *") @NotBlank String cron,
		@DefaultValue("1000") @Min(1) @Max(10000) int batchSize) {

	/**
	 * Whether the jobs are scheduled at all.
	 * @return {@code false} when {@code cron} is {@code -}
	 */
	public boolean scheduled() {
		return !"-".equals(this.cron);
	}

}
