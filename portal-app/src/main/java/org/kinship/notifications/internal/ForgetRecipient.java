package org.kinship.notifications.internal;

import org.kinship.groups.MemberContentDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets a person who deleted their content: their address, choices and browsers' push
 * subscriptions, every notice not sent yet, and what happened for them alone (an answer
 * to their request, a reminder). E-mails already sent are kept only as counts for the
 * dashboard: no longer tied to the person, their summary cleared.
 */
@Component
class ForgetRecipient {

	static final String NOBODY = "-";

	private final JdbcClient jdbc;

	ForgetRecipient(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(MemberContentDeleted deleted) {
		String issuer = deleted.issuer();
		String fhirUser = deleted.fhirUser();
		this.jdbc.sql("DELETE FROM notify_contact WHERE issuer = ? AND fhir_user = ?")
			.params(issuer, fhirUser)
			.update();
		this.jdbc
			.sql("DELETE FROM notify_preference WHERE fhir_user = ? "
					+ "AND group_id IN (SELECT id FROM community_group WHERE issuer = ?)")
			.params(fhirUser, issuer)
			.update();
		this.jdbc.sql("DELETE FROM notify_activity WHERE issuer = ? AND recipient = ?")
			.params(issuer, fhirUser)
			.update();
		this.jdbc
			.sql("DELETE FROM notify_push WHERE subscription_id IN "
					+ "(SELECT id FROM notify_push_subscription WHERE issuer = ? AND fhir_user = ?)")
			.params(issuer, fhirUser)
			.update();
		this.jdbc.sql("DELETE FROM notify_push_subscription WHERE issuer = ? AND fhir_user = ?")
			.params(issuer, fhirUser)
			.update();
		this.jdbc.sql("DELETE FROM notify_item WHERE issuer = ? AND fhir_user = ?").params(issuer, fhirUser).update();
		this.jdbc.sql("DELETE FROM notify_email WHERE issuer = ? AND fhir_user = ? AND sent_at IS NULL")
			.params(issuer, fhirUser)
			.update();
		this.jdbc.sql("UPDATE notify_email SET fhir_user = ?, summary = NULL WHERE issuer = ? AND fhir_user = ?")
			.params(NOBODY, issuer, fhirUser)
			.update();
	}

}
