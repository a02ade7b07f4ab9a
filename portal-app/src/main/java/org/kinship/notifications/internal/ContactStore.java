package org.kinship.notifications.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members' contacts: addresses, language, time zone, quiet hours, digest times. */
@Repository
public class ContactStore {

	private static final String SELECT = "SELECT issuer, fhir_user, issuer_key, record_email, email, "
			+ "email_refused_at, unsubscribed, locale, time_zone, quiet_from, quiet_until, last_digest_at, "
			+ "unsubscribe_id FROM notify_contact ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ContactStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * One member's contact.
	 * @param issuer the health system
	 * @param fhirUser the member
	 * @return the contact, or empty before their first launch since notifications came
	 */
	public Optional<Contact> find(String issuer, String fhirUser) {
		return this.jdbc.sql(SELECT + "WHERE issuer = ? AND fhir_user = ?")
			.params(issuer, fhirUser)
			.query(ContactStore::row)
			.optional();
	}

	/**
	 * Several members' contacts in one read.
	 * @param fhirUsers the members (of any health system; the caller matches issuers)
	 * @return their contacts
	 */
	public List<Contact> of(Collection<String> fhirUsers) {
		if (fhirUsers.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + "WHERE fhir_user IN (:users)")
			.param("users", fhirUsers)
			.query(ContactStore::row)
			.list();
	}

	/**
	 * @return every contact e-mail may go to, or who allowed pushes in a browser, in one
	 * read
	 */
	public List<Contact> reachableOrPushed() {
		return this.jdbc
			.sql(SELECT + "c WHERE (email IS NOT NULL AND email_refused_at IS NULL AND unsubscribed = FALSE) "
					+ "OR EXISTS (SELECT 1 FROM notify_push_subscription s WHERE s.issuer = c.issuer "
					+ "AND s.fhir_user = c.fhir_user)")
			.query(ContactStore::row)
			.list();
	}

	/**
	 * The contact an unsubscribe link names.
	 * @param unsubscribeId the link's random part
	 * @return the contact
	 */
	public Optional<Contact> byUnsubscribeId(String unsubscribeId) {
		return this.jdbc.sql(SELECT + "WHERE unsubscribe_id = ?")
			.param(unsubscribeId)
			.query(ContactStore::row)
			.optional();
	}

	/**
	 * Keeps what a launch told: the record's address (or that it gave none) and the
	 * language, creating the contact at the first launch.
	 * @param issuer the health system
	 * @param issuerKey its registration key
	 * @param fhirUser the member
	 * @param recordEmail the record's address, or {@code null}
	 * @param locale the language of the launch
	 * @param timeZone the time zone a new contact starts with
	 * @param now the time of the launch, from which a new contact's first digest counts:
	 * it comes at the next digest hour, never minutes after the member arrived
	 */
	public void launched(String issuer, String issuerKey, String fhirUser, @Nullable String recordEmail, Locale locale,
			ZoneId timeZone, Instant now) {
		int updated = this.jdbc
			.sql("UPDATE notify_contact SET record_email = ?, issuer_key = ? WHERE issuer = ? AND fhir_user = ?")
			.params(recordEmail, issuerKey, issuer, fhirUser)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("INSERT INTO notify_contact (issuer, fhir_user, issuer_key, record_email, unsubscribed, "
						+ "locale, time_zone, last_digest_at, unsubscribe_id) VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, ?)")
					.params(issuer, fhirUser, issuerKey, recordEmail, locale.getLanguage(), timeZone.getId(),
							Timestamp.from(now), HexFormat.of().formatHex(randomBytes()))
					.update();
			}
			catch (DuplicateKeyException ex) {
				// a second tab's launch made it first; the record's address is the same
			}
		}
	}

	/**
	 * Saves what the member chose on their settings page; a changed address is the
	 * member's confirmation of it, and clears an earlier refusal.
	 * @param contact the contact as it now is
	 * @param addressChanged whether the address is another than before
	 */
	public void save(Contact contact, boolean addressChanged) {
		this.jdbc
			.sql("UPDATE notify_contact SET email = ?, unsubscribed = ?, locale = ?, time_zone = ?, quiet_from = ?, "
					+ "quiet_until = ? WHERE issuer = ? AND fhir_user = ?")
			.params(contact.email(), contact.unsubscribed(), contact.locale().getLanguage(), contact.timeZone().getId(),
					contact.quietFrom(), contact.quietUntil(), contact.issuer(), contact.fhirUser())
			.update();
		if (addressChanged) {
			this.jdbc
				.sql("UPDATE notify_contact SET email_refused_at = NULL, email_refusal = NULL "
						+ "WHERE issuer = ? AND fhir_user = ?")
				.params(contact.issuer(), contact.fhirUser())
				.update();
		}
	}

	/**
	 * Stops every e-mail to a member.
	 * @param unsubscribeId the link's random part
	 * @return whether a contact was found
	 */
	public boolean unsubscribe(String unsubscribeId) {
		return this.jdbc.sql("UPDATE notify_contact SET unsubscribed = TRUE WHERE unsubscribe_id = ?")
			.param(unsubscribeId)
			.update() > 0;
	}

	/**
	 * Marks an address the mail server refused: kept, and shown to the member.
	 * @param issuer the health system
	 * @param fhirUser the member
	 * @param address the address refused (a later change of address is not marked)
	 * @param reason the server's answer, short
	 * @param at when
	 */
	public void refused(String issuer, String fhirUser, String address, String reason, Instant at) {
		this.jdbc
			.sql("UPDATE notify_contact SET email_refused_at = ?, email_refusal = ? "
					+ "WHERE issuer = ? AND fhir_user = ? AND email = ?")
			.params(Timestamp.from(at), reason, issuer, fhirUser, address)
			.update();
	}

	/**
	 * Records that the digest of these members was composed, in one batch.
	 * @param contacts the members
	 * @param at when
	 */
	public void digested(List<Contact> contacts, Instant at) {
		List<Object[]> rows = new ArrayList<>(contacts.size());
		for (Contact contact : contacts) {
			rows.add(new Object[] { Timestamp.from(at), contact.issuer(), contact.fhirUser() });
		}
		this.template.batchUpdate("UPDATE notify_contact SET last_digest_at = ? WHERE issuer = ? AND fhir_user = ?",
				rows);
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static Contact row(ResultSet rs, int row) throws SQLException {
		Timestamp digest = rs.getTimestamp(12);
		return new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getTimestamp(6) != null, rs.getBoolean(7), Locale.forLanguageTag(rs.getString(8)),
				ZoneId.of(rs.getString(9)), (Integer) rs.getObject(10, Integer.class),
				(Integer) rs.getObject(11, Integer.class), (digest != null) ? digest.toInstant() : null,
				rs.getString(13));
	}

}
