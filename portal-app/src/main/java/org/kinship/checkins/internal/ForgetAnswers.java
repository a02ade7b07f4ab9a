package org.kinship.checkins.internal;

import org.kinship.groups.MemberContentDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes a person's check-in answers when they delete their content; answers already
 * saved to their record stay there, as the record is theirs.
 */
@Component
class ForgetAnswers {

	private final JdbcClient jdbc;

	ForgetAnswers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(MemberContentDeleted deleted) {
		this.jdbc.sql("DELETE FROM checkin_answer WHERE issuer = ? AND member = ?")
			.params(deleted.issuer(), deleted.fhirUser())
			.update();
	}

}
