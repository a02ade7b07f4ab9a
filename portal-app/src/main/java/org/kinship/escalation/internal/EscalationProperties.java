package org.kinship.escalation.internal;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.kinship.escalation.AlertMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the escalation module ({@code kinship.escalation}).
 *
 * @param careTeamAlerts per health system (its registration key), how the patient's care
 * team is told of an urgent escalation in the EHR: {@code communication} or {@code task};
 * a health system not named here is not told (the default). Its backend-services client
 * needs {@code system/CareTeam.rs} and {@code system/Communication.c} or
 * {@code system/Task.c}
 * @param alertAttempts how many times an alert is tried before it is reported as failed
 * @param alertBackoff the pause after a failed attempt, times the attempt's number
 * @param alertResubmitAfter how old an alert left unfinished (by a stop, a crash, or an
 * error that was not the EHR's answer) must be before it is started again; also how often
 * they are looked for. Longer than writing one takes
 * @param responseWindow how far back the response-time figures look
 */
@Validated
@ConfigurationProperties("kinship.escalation")
public record EscalationProperties(@DefaultValue Map<String, AlertMode> careTeamAlerts,
		@DefaultValue("3") @Min(1) @Max(10) int alertAttempts, @DefaultValue("PT1S") Duration alertBackoff,
		@DefaultValue("PT15M") Duration alertResubmitAfter, @DefaultValue("P30D") Duration responseWindow) {
}
