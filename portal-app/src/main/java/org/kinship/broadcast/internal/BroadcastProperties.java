package org.kinship.broadcast.internal;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the broadcast module ({@code kinship.broadcast}).
 *
 * @param maxRecipients the largest audience one broadcast may have; a larger one is
 * refused and the broadcast stays a draft
 * @param twoPersonThreshold an urgent broadcast to more recipients than this needs a
 * second community manager's approval; {@code -1} turns the rule off
 * @param schedulerInterval how often scheduled broadcasts that are due are looked for
 * @param cohortTimeout how long a record-defined audience may take to resolve; longer,
 * and the broadcast stays a draft with the error shown
 * @param cohortScan how many known members (most recently active first) a record-defined
 * audience looks at
 * @param maxTitle the longest title, in characters
 * @param maxBody the longest body, in characters
 * @param writeBackIssuers registration keys of the health systems where urgent broadcasts
 * are recorded in the EHR as a FHIR {@code Communication} per recipient patient; empty
 * (the default) for none
 * @param writeBackAttempts how many times each {@code Communication} is tried
 * @param writeBackResubmitAfter how old a write-back left unfinished (by a stop, a crash
 * or an error that was not the EHR's answer) must be before it is started again; also how
 * often such write-backs are looked for. Longer than a write-back takes, so that one
 * still running on another node is not started twice
 */
@Validated
@ConfigurationProperties("kinship.broadcast")
public record BroadcastProperties(@DefaultValue("25000") @Min(1) int maxRecipients,
		@DefaultValue("-1") @Min(-1) int twoPersonThreshold, @DefaultValue("PT30S") Duration schedulerInterval,
		@DefaultValue("PT30S") Duration cohortTimeout, @DefaultValue("50000") @Min(1) int cohortScan,
		@DefaultValue("120") @Min(1) @Max(255) int maxTitle, @DefaultValue("4000") @Min(1) @Max(60000) int maxBody,
		@DefaultValue Set<String> writeBackIssuers, @DefaultValue("3") @Min(1) @Max(10) int writeBackAttempts,
		@DefaultValue("PT15M") Duration writeBackResubmitAfter) {

	/**
	 * Whether an urgent broadcast to this many recipients needs a second manager.
	 * @param recipients the audience's size
	 * @return true when the two-person rule applies
	 */
	public boolean needsSecondManager(int recipients) {
		return this.twoPersonThreshold >= 0 && recipients > this.twoPersonThreshold;
	}

}
