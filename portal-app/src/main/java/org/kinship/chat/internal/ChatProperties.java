package org.kinship.chat.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

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
 * @param crisis the crisis resources the discussion offers, per community and language:
 * keyed by the issuer's key ({@code general}) or the key and a language
 * ({@code general-es}), the latter first; none for a community: the United States' 988
 * and 911
 */
@Validated
@ConfigurationProperties("kinship.chat")
public record ChatProperties(@DefaultValue("5") @Min(1) int rateLimitMessages,
		@DefaultValue("PT10S") Duration rateLimitWindow, @DefaultValue("4000") @Min(1) @Max(60000) int maxLength,
		@DefaultValue("50") @Min(1) @Max(500) int historyPage, @DefaultValue("200") @Min(1) @Max(1000) int catchUpPage,
		@DefaultValue("10") @Min(1) @Max(100) int maxPinned, @DefaultValue("PT1H") Duration slowModeMax,
		@DefaultValue Map<String, @Valid CrisisResources> crisis) {

	/**
	 * What a member in distress is offered in one community and language.
	 *
	 * @param emergency the emergency number ({@code 112})
	 * @param lines the crisis lines, in the order shown
	 */
	public record CrisisResources(@NotBlank @Pattern(regexp = PHONE) String emergency,
			@NotEmpty List<@Valid CrisisLine> lines) {
	}

	/**
	 * One crisis line.
	 *
	 * @param name its name as the member reads it ({@code Samaritans})
	 * @param call the number to call, if it takes calls
	 * @param text the number to text, if it takes text messages
	 * @param hours when it answers, as the member reads it ({@code 24/7}), if worth
	 * saying
	 */
	public record CrisisLine(@NotBlank @Size(max = 120) String name, @Nullable @Pattern(regexp = PHONE) String call,
			@Nullable @Pattern(regexp = PHONE) String text, @Nullable @Size(max = 80) String hours) {
	}

	/** A number as dialled: digits, spaces, a leading plus, dashes. */
	static final String PHONE = "\\+?[0-9][0-9 \\-]{1,19}";

}
