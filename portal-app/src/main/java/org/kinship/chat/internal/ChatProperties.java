package org.kinship.chat.internal;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the chat module ({@code kinship.chat}).
 *
 * @param rateLimitMessages how many messages a member may send within
 * {@code rateLimitWindow}
 * @param rateLimitWindow the window of the rate limit
 * @param maxLength the longest message, in characters
 * @param historyPage messages per history page
 * @param catchUpPage messages per catch-up reply; a client asks again until up to date
 * @param maxPinned how many messages a group may have pinned at once
 * @param slowModeMax the longest slow mode the staff may set
 */
@Validated
@ConfigurationProperties("kinship.chat")
public record ChatProperties(@DefaultValue("5") @Min(1) int rateLimitMessages,
		@DefaultValue("PT10S") Duration rateLimitWindow, @DefaultValue("4000") @Min(1) @Max(60000) int maxLength,
		@DefaultValue("50") @Min(1) @Max(500) int historyPage, @DefaultValue("200") @Min(1) @Max(1000) int catchUpPage,
		@DefaultValue("10") @Min(1) @Max(100) int maxPinned, @DefaultValue("PT1H") Duration slowModeMax) {
}
