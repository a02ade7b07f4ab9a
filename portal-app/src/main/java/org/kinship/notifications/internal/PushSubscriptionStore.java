package org.kinship.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Members' Web Push subscriptions, one row per browser (keyed by the endpoint's hash): a
 * browser that subscribes again, even for another member on a shared computer, takes its
 * row over, so that a browser gets the pushes of the member who last allowed them there.
 */
@Repository
public class PushSubscriptionStore {

	private final JdbcClient jdbc;

	PushSubscriptionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a browser's subscription for a member.
	 * @param subscription the subscription
	 * @param now when
	 */
	public void save(PushSubscription subscription, Instant now) {
		String hash = hash(subscription.endpoint());
		this.jdbc
			.sql("DELETE FROM notify_push WHERE status = 'PENDING' AND subscription_id IN "
					+ "(SELECT id FROM notify_push_subscription WHERE endpoint_hash = ?)")
			.param(hash)
			.update();
		this.jdbc.sql("DELETE FROM notify_push_subscription WHERE endpoint_hash = ?").param(hash).update();
		this.jdbc
			.sql("INSERT INTO notify_push_subscription (issuer, fhir_user, endpoint, endpoint_hash, p256dh, auth, "
					+ "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(subscription.issuer(), subscription.fhirUser(), subscription.endpoint(), hash,
					subscription.p256dh(), subscription.auth(), Timestamp.from(now))
			.update();
	}

	/**
	 * Removes a member's subscription of one browser.
	 * @param issuer the member's health system
	 * @param fhirUser the member
	 * @param endpoint the browser's endpoint
	 * @return whether the member had it
	 */
	public boolean remove(String issuer, String fhirUser, String endpoint) {
		String hash = hash(endpoint);
		this.jdbc.sql("DELETE FROM notify_push WHERE status = 'PENDING' AND subscription_id IN "
				+ "(SELECT id FROM notify_push_subscription WHERE endpoint_hash = ? AND issuer = ? AND fhir_user = ?)")
			.params(hash, issuer, fhirUser)
			.update();
		return this.jdbc
			.sql("DELETE FROM notify_push_subscription WHERE endpoint_hash = ? AND issuer = ? AND fhir_user = ?")
			.params(hash, issuer, fhirUser)
			.update() > 0;
	}

	/**
	 * Removes a subscription the push service said has expired.
	 * @param id the subscription
	 */
	void expired(long id) {
		this.jdbc.sql("UPDATE notify_push SET status = 'GONE' WHERE status = 'PENDING' AND subscription_id = ?")
			.param(id)
			.update();
		this.jdbc.sql("DELETE FROM notify_push_subscription WHERE id = ?").param(id).update();
	}

	/**
	 * How many browsers a member allowed.
	 * @param issuer the member's health system
	 * @param fhirUser the member
	 * @return the number of subscriptions
	 */
	public int count(String issuer, String fhirUser) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notify_push_subscription WHERE issuer = ? AND fhir_user = ?")
			.params(issuer, fhirUser)
			.query(Integer.class)
			.single();
	}

	/**
	 * Which of some members allowed pushes in at least one browser, in one read.
	 * @param fhirUsers the members (of any health system)
	 * @return the members as {@code issuer fhirUser}
	 */
	java.util.Set<String> subscribed(java.util.Collection<String> fhirUsers) {
		if (fhirUsers.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(this.jdbc
			.sql("SELECT DISTINCT issuer, fhir_user FROM notify_push_subscription WHERE fhir_user IN (:users)")
			.param("users", fhirUsers)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
			.list());
	}

	static String hash(String endpoint) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(endpoint.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * A browser's subscription.
	 *
	 * @param issuer the member's health system
	 * @param fhirUser the member
	 * @param endpoint the push service's URL for the browser
	 * @param p256dh the browser's public key (base64url)
	 * @param auth the browser's authentication secret (base64url)
	 */
	public record PushSubscription(String issuer, String fhirUser, String endpoint, String p256dh, String auth) {
	}

}
