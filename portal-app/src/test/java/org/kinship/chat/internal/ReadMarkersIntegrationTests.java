package org.kinship.chat.internal;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's read marker on the real MariaDB, moved by two of their devices at once: the
 * second device's marker is moved forward, never refused and never moved back, even when
 * its transaction began before the first device's marker existed.
 */
@SpringBootTest
class ReadMarkersIntegrationTests extends OnMariaDb {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageStore store;

	@Autowired
	PlatformTransactionManager transactions;

	private final String member = "Patient/" + UUID.randomUUID();

	long group;

	@BeforeEach
	void group() {
		String slug = "markers-" + UUID.randomUUID();
		this.jdbc
			.update("INSERT INTO community_group (issuer, slug, name, name_key, description, guidelines, audience, "
					+ "listed, status, created_at, created_by) VALUES ('https://ehr.example/fhir', ?, 'G', ?, '', '', "
					+ "'PATIENTS', TRUE, 'OPEN', CURRENT_TIMESTAMP(3), 'Practitioner/1')", slug, slug);
		this.group = this.jdbc.queryForObject("SELECT id FROM community_group WHERE slug = ?", Long.class, slug);
	}

	@Test
	void aMarkerAnotherDeviceMadeMeanwhileIsMovedForwardNotRefused() {
		TransactionTemplate otherDevice = new TransactionTemplate(this.transactions);
		otherDevice.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			// this device's transaction reads first: its snapshot has no marker
			assertThat(read()).isZero();
			otherDevice.executeWithoutResult((other) -> this.store.markRead(this.group, this.member, 5));
			this.store.markRead(this.group, this.member, 3);
			this.store.markRead(this.group, this.member, 9);
		});
		assertThat(read()).isEqualTo(9);

		this.store.markRead(this.group, this.member, 4);
		assertThat(read()).as("never moved back").isEqualTo(9);
	}

	@Test
	void theMarkerAndTheGroupsLastNumberAreReadTogether() {
		assertThat(this.store.readAndLast(this.group, this.member)).as("nothing sent, nothing read")
			.containsExactly(0, 0);
		this.jdbc.update("INSERT INTO group_sequence (group_id, last_seq) VALUES (?, 12)", this.group);
		assertThat(this.store.readAndLast(this.group, this.member)).as("nothing read yet").containsExactly(0, 12);
		this.store.markRead(this.group, this.member, 9);
		assertThat(this.store.readAndLast(this.group, this.member)).containsExactly(9, 12);
		assertThat(this.store.readAndLast(this.group, "Patient/" + UUID.randomUUID())).as("another member")
			.containsExactly(0, 12);
	}

	private long read() {
		return this.store.readAndLast(this.group, this.member)[0];
	}

}
