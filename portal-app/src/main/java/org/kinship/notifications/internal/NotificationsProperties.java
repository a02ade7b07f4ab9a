package org.kinship.notifications.internal;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notifications module ({@code kinship.notifications}).
 *
 * @param dispatch whether this node composes and sends (one node at a time does, holding
 * a lease)
 * @param dispatchInterval how often notices and digests are composed and sent
 * @param batchWindow how long the first immediate notice waits for others, so that
 * several replies make one e-mail
 * @param digestHour the hour of the member's local day when the daily digest is composed
 * @param from the sender of every e-mail
 * @param baseUrl Kinship's public address, for the links in e-mails
 * @param unsubscribeKey the key that signs unsubscribe links (base64 of 32 bytes); the
 * same on every node, and kept, or links in e-mails already sent stop working. Empty: one
 * made at start
 * @param maxAttempts tries per e-mail before it is reported as failed
 * @param retryBackoff the wait after the first failed try, doubled after each further one
 * @param sendBatch e-mails composed and handed to the mail server per round (a fixed few
 * reads and writes of the database each)
 * @param sendConnections connections to the mail server a round's e-mails are shared
 * among, each share handed over at the same time as the others and marked sent once its
 * connection has delivered it
 * @param planBatch events turned into notices per transaction
 * @param defaultTimeZone the time zone of a member who has not chosen one
 * @param namedGroupIssuers health systems (registration keys) whose notices name the
 * group unless the member said not to; elsewhere only where the member allowed it
 * @param urgentInQuietHoursIssuers health systems whose urgent notices are sent during
 * quiet hours
 * @param lease how long a node holds the dispatch lease; keep it longer than a round
 * @param broadcastReminderAfter how long after an important or urgent broadcast was sent
 * its recipients who have not acknowledged it are reminded
 * @param programReminderBefore how long before a program's session its members who hold a
 * place are reminded (none for a sign-up made closer to the start)
 * @param messageCentreIssuers health systems (registration keys) whose patients' notices
 * are also written to the EHR as a FHIR {@code Communication}, for the portal's message
 * centre; none by default
 * @param push Web Push to members' browsers
 */
@Validated
@ConfigurationProperties("kinship.notifications")
public record NotificationsProperties(@DefaultValue("true") boolean dispatch,
		@DefaultValue("PT30S") Duration dispatchInterval, @DefaultValue("PT3M") Duration batchWindow,
		@DefaultValue("18") @Min(0) @Max(23) int digestHour,
		@DefaultValue("Kinship <no-reply@kinship.invalid>") String from,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("") String unsubscribeKey,
		@DefaultValue("5") @Min(1) int maxAttempts, @DefaultValue("PT1M") Duration retryBackoff,
		@DefaultValue("500") @Min(1) @Max(5000) int sendBatch, @DefaultValue("4") @Min(1) @Max(16) int sendConnections,
		@DefaultValue("1000") @Min(1) int planBatch, @DefaultValue("UTC") String defaultTimeZone,
		@DefaultValue List<String> namedGroupIssuers, @DefaultValue List<String> urgentInQuietHoursIssuers,
		@DefaultValue("PT5M") Duration lease, @DefaultValue("PT4H") Duration broadcastReminderAfter,
		@DefaultValue("P1D") Duration programReminderBefore, @DefaultValue List<String> messageCentreIssuers,
		@DefaultValue Push push) {

	/**
	 * Web Push ({@code kinship.notifications.push}): the VAPID key pair that signs every
	 * push and that browsers subscribe with. Push is off while no key pair is set.
	 *
	 * @param publicKey the public key, an uncompressed P-256 point in base64url (65
	 * bytes)
	 * @param privateKey the private key, the P-256 scalar in base64url (32 bytes)
	 * @param subject who push services may contact about Kinship's pushes
	 * ({@code mailto:} or {@code https:})
	 * @param ephemeralKeys make a key pair at start when none is set (demo and tests
	 * only: browsers subscribed under it stop receiving pushes when the node stops)
	 * @param ttl how long a push service keeps a push for a browser that is offline
	 */
	public record Push(@DefaultValue("") String publicKey, @DefaultValue("") String privateKey,
			@DefaultValue("mailto:no-reply@kinship.invalid") String subject,
			@DefaultValue("false") boolean ephemeralKeys, @DefaultValue("PT24H") Duration ttl) {
	}

}
