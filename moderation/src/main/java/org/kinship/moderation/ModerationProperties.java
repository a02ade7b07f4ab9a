package org.kinship.moderation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the moderation module ({@code kinship.moderation}): the defaults of every
 * health system, which community managers override for their community and each group.
 *
 * @param newMemberPosts how many first posts of a new member go to review
 * @param holdCrisis whether a crisis message is held for review instead of posted
 * @param flagsToHide how many members' flags hide a message until it is reviewed
 * @param responseTime how soon a person should take an urgent escalation
 * @param maxTerms the most watched words of one list
 */
@Validated
@ConfigurationProperties("kinship.moderation")
public record ModerationProperties(@DefaultValue("2") @Min(0) @Max(100) int newMemberPosts,
		@DefaultValue("false") boolean holdCrisis, @DefaultValue("3") @Min(1) @Max(100) int flagsToHide,
		@DefaultValue("PT15M") Duration responseTime, @DefaultValue("10000") @Min(1) @Max(100000) int maxTerms) {
}
