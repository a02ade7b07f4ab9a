package org.kinship;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.Retention;
import org.kinship.audit.internal.AuditRetention;
import org.kinship.chat.internal.ChatRetention;
import org.kinship.chat.internal.MessageStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on the real MariaDB: what is due goes, in batches, what is recent stays, two
 * nodes running a job at once do the work once, and each run leaves its count in the
 * audit log.
 */
@SpringBootTest(properties = { "kinship.retention.messages=P2Y", "kinship.retention.deleted-message-text=P30D",
		"kinship.retention.batch-size=7", "kinship.retention.cron=-" })
class RetentionIntegrationTests extends OnMariaDb {

	private static final Instant NOW = Instant.now();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ChatRetention chatRetention;

	@Autowired
	AuditRetention auditRetention;

	@Autowired
	Retention retention;

	@Autowired
	MessageStore store;

	long group;

	int posted;

	@BeforeEach
	void emptyTables() {
		this.jdbc.update("DELETE FROM retention_lease");
		this.jdbc.update("DELETE FROM chat_message");
		this.jdbc.update("DELETE FROM audit_event");
		this.jdbc.update("DELETE FROM community_group");
		this.jdbc
			.update("INSERT INTO community_group (issuer, slug, name, name_key, description, guidelines, audience, "
					+ "listed, status, created_at, created_by) VALUES ('https://ehr.example/fhir', 'g', 'G', 'g', '', '', "
					+ "'PATIENTS', TRUE, 'OPEN', CURRENT_TIMESTAMP(3), 'Practitioner/1')");
		this.group = this.jdbc.queryForObject("SELECT id FROM community_group", Long.class);
	}

	@Test
	void messagesPastTheirTimeAreDeletedAndRecentOnesKept() {
		List<Long> old = post(20, Duration.ofDays(3 * 365));
		List<Long> recent = post(5, Duration.ofDays(1));
		this.jdbc.update("INSERT INTO message_version (message_id, version, body, replaced_at) VALUES (?, 1, 'x', ?)",
				old.get(0), Timestamp.from(NOW));

		assertThat(this.chatRetention.deleteOldMessages()).hasValue(20);

		assertThat(this.jdbc.queryForList("SELECT id FROM chat_message ORDER BY id", Long.class))
			.containsExactlyElementsOf(recent);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM message_version", Integer.class)).isZero();
		assertThat(retentionEntries()).containsExactly("kinship retention chat_message DELETED 20");
	}

	@Test
	void aJobWorksInBatchesOfTheConfiguredSize() {
		post(20, Duration.ofDays(3 * 365));
		List<Integer> batches = new ArrayList<>();
		Instant cutoff = this.retention.cutoff(java.time.Period.ofYears(2));

		OptionalLong done = this.retention.run("test.batches", "chat_message", "DELETED", (limit) -> {
			int deleted = this.store.deletePostedBefore(cutoff, limit);
			batches.add(deleted);
			return deleted;
		});

		assertThat(done).hasValue(20);
		assertThat(batches).containsExactly(7, 7, 6);
	}

	@Test
	void twoNodesRunningAJobAtOnceDoItOnce() throws Exception {
		post(20, Duration.ofDays(3 * 365));
		Instant cutoff = this.retention.cutoff(java.time.Period.ofYears(2));
		CountDownLatch firstInBatch = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		CompletableFuture<OptionalLong> first = CompletableFuture
			.supplyAsync(() -> this.retention.run("test.nodes", "chat_message", "DELETED", (limit) -> {
				firstInBatch.countDown();
				await(secondDone);
				return this.store.deletePostedBefore(cutoff, limit);
			}));
		assertThat(firstInBatch.await(60, TimeUnit.SECONDS)).isTrue();

		OptionalLong second = this.retention.run("test.nodes", "chat_message", "DELETED",
				(limit) -> this.store.deletePostedBefore(cutoff, limit));
		secondDone.countDown();

		assertThat(second).isEmpty();
		assertThat(first.get(60, TimeUnit.SECONDS)).hasValue(20);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM chat_message", Integer.class)).isZero();
		assertThat(retentionEntries()).containsExactly("kinship retention chat_message DELETED 20");
		// a node whose schedule fires just after the run finished does not run it again
		assertThat(this.retention.run("test.nodes", "chat_message", "DELETED", (limit) -> 0)).isEmpty();
	}

	@Test
	void theTextOfMessagesDeletedLongAgoIsPurgedAndTheTombstoneStays() {
		long longAgo = post(1, Duration.ofDays(60)).get(0);
		long lately = post(1, Duration.ofDays(60)).get(0);
		long kept = post(1, Duration.ofDays(60)).get(0);
		this.jdbc.update("UPDATE chat_message SET status = 'DELETED', deleted_at = ? WHERE id = ?",
				Timestamp.from(NOW.minus(Duration.ofDays(31))), longAgo);
		this.jdbc.update("INSERT INTO message_version (message_id, version, body, replaced_at) VALUES (?, 1, 'x', ?)",
				longAgo, Timestamp.from(NOW));
		this.store.delete(lately);

		assertThat(this.chatRetention.purgeDeletedText()).hasValue(1);

		assertThat(this.jdbc.queryForList("SELECT CONCAT(id, ':', status, ':', body) FROM chat_message ORDER BY id",
				String.class))
			.containsExactly(longAgo + ":DELETED:", lately + ":DELETED:text " + lately, kept + ":VISIBLE:text " + kept);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM message_version", Integer.class)).isZero();
		assertThat(retentionEntries()).containsExactly("kinship retention chat_message.body PURGED 1");
	}

	@Test
	void auditEntriesOlderThanSixYearsAreDeleted() {
		audit(Duration.ofDays(7 * 365), 9);
		audit(Duration.ofDays(5 * 365), 3);

		assertThat(this.auditRetention.run()).hasValue(9);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LAUNCH'", Integer.class))
			.isEqualTo(3);
		assertThat(retentionEntries()).containsExactly("kinship retention audit_event DELETED 9");
	}

	private List<Long> post(int count, Duration age) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			this.posted++;
			this.jdbc.update(
					"INSERT INTO chat_message (group_id, seq, author, author_name, client_id, body, body_html, mentions, "
							+ "status, created_at) VALUES (?, ?, 'Patient/1', 'Ann', ?, 'text', '<p>text</p>', '', "
							+ "'VISIBLE', ?)",
					this.group, this.posted, "c" + this.posted, Timestamp.from(NOW.minus(age)));
			long id = this.jdbc.queryForObject("SELECT MAX(id) FROM chat_message", Long.class);
			this.jdbc.update("UPDATE chat_message SET body = ? WHERE id = ?", "text " + id, id);
			ids.add(id);
		}
		return ids;
	}

	private void audit(Duration age, int count) {
		for (int i = 0; i < count; i++) {
			this.jdbc.update(
					"INSERT INTO audit_event (occurred_at, issuer, actor, action, outcome, correlation_id) "
							+ "VALUES (?, 'https://ehr.example/fhir', 'Patient/1', 'LAUNCH', 'SUCCESS', 'c')",
					Timestamp.from(NOW.minus(age)));
		}
	}

	private List<String> retentionEntries() {
		return this.jdbc.queryForList("SELECT CONCAT(issuer, ' ', actor, ' ', resource_types, ' ', outcome) "
				+ "FROM audit_event WHERE action = 'RETENTION' ORDER BY id", String.class);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
