package org.kinship.notifications;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.notifications.internal.Dispatch;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification benchmark ({@code deploy/bench/notify}), not a test: its name matches
 * no test pattern, so it runs only when named ({@code -Dtest=NotifyBenchmark}). A
 * community of {@code bench.members} members in {@code bench.groups} groups, each member
 * with a confirmed address, and {@code bench.messages} messages posted in every group
 * during the day, seeded straight into this JVM's own database as Kinship stores them;
 * then, at the digest hour, one dispatch round composes every digest and hands it to a
 * real SMTP server (GreenMail) in this JVM. Counted: e-mails received, the round's time
 * and every statement the round sent to the database. The figures go to {@code bench.out}
 * as one line of JSON.
 */
@SpringBootTest(properties = { "kinship.notifications.dispatch=false", "kinship.notifications.digest-hour=18",
		"spring.mail.host=127.0.0.1", "logging.level.com.icegreen=WARN" })
@Import({ SettableClock.AsTheClock.class, NotifyBenchmark.Counted.class })
class NotifyBenchmark {

	static final int MEMBERS = Integer.getInteger("bench.members", 20_000);

	static final int GROUPS = Integer.getInteger("bench.groups", 50);

	static final int MESSAGES = Integer.getInteger("bench.messages", 20);

	static final Instant DIGEST_TIME = Instant.parse("2026-06-02T18:00:30Z");

	static final AtomicLong STATEMENTS = new AtomicLong();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
		registry.add("spring.mail.port", Mailbox::port);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Counted {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource source && !(bean instanceof CountingDataSource))
							? new CountingDataSource(source) : bean;
				}
			};
		}

	}

	@Autowired
	SettableClock clock;

	@Autowired
	Dispatch dispatch;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void digestOfACommunity() throws Exception {
		long seedStart = System.nanoTime();
		seed();
		long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
		this.clock.set(DIGEST_TIME);
		int before = Mailbox.SMTP.getReceivedMessages().length;
		STATEMENTS.set(0);
		long start = System.nanoTime();
		Dispatch.Round round = this.dispatch.run();
		double seconds = (System.nanoTime() - start) / 1e9;
		long statements = STATEMENTS.get();
		int emails = Mailbox.SMTP.getReceivedMessages().length - before;
		assertThat(round.digests()).isEqualTo(MEMBERS);
		String json = String.format(Locale.ROOT,
				"{\"members\":%d,\"groups\":%d,\"messages\":%d,\"emails\":%d,\"seconds\":%.2f,\"queries\":%d,"
						+ "\"digests\":%d,\"sent\":%d,\"seed_ms\":%d}",
				MEMBERS, GROUPS, GROUPS * MESSAGES, emails, seconds, statements, round.digests(), round.sent(), seedMs);
		Files.writeString(Path.of(System.getProperty("bench.out", "target/notify-bench.json")), json);
	}

	private void seed() {
		Instant now = DIGEST_TIME;
		Timestamp at = Timestamp.from(now.minus(Duration.ofDays(3)));
		List<Long> groups = new ArrayList<>();
		for (int g = 0; g < GROUPS; g++) {
			String slug = "bench-" + g + "-" + System.nanoTime();
			this.jdbc
				.update("INSERT INTO community_group (issuer, slug, name, name_key, description, guidelines, audience, "
						+ "listed, status, created_at, created_by) VALUES (?, ?, ?, ?, '', '', 'PATIENTS', TRUE, "
						+ "'OPEN', ?, 'Practitioner/bench')", "https://bench.example/fhir", slug, slug, slug, at);
			groups.add(this.jdbc.queryForObject("SELECT id FROM community_group WHERE slug = ?", Long.class, slug));
		}
		List<Object[]> members = new ArrayList<>();
		List<Object[]> contacts = new ArrayList<>();
		for (int m = 0; m < MEMBERS; m++) {
			String user = "Patient/bench-" + m;
			members.add(new Object[] { groups.get(m % GROUPS), user, "Member " + m, "member " + m, at, at });
			if (m % 4 == 0) {
				// a quarter of the members are in a second group
				members.add(new Object[] { groups.get((m + 1) % GROUPS), user, "Member " + m, "member " + m, at, at });
			}
			contacts.add(new Object[] { user, "bench-" + m + "@members.bench.example", "b" + m });
		}
		this.jdbc.batchUpdate("INSERT INTO group_member (group_id, fhir_user, display_name, display_name_key, "
				+ "caregiver_badge, clinician_badge, status, guidelines_accepted_at, joined_at) "
				+ "VALUES (?, ?, ?, ?, FALSE, FALSE, 'ACTIVE', ?, ?)", members);
		this.jdbc.batchUpdate("INSERT INTO notify_contact (issuer, fhir_user, issuer_key, email, unsubscribed, locale, "
				+ "time_zone, unsubscribe_id) VALUES ('https://bench.example/fhir', ?, 'bench', ?, FALSE, 'en', 'UTC', ?)",
				contacts);
		List<Object[]> activity = new ArrayList<>();
		for (long group : groups) {
			for (int i = 0; i < MESSAGES; i++) {
				activity.add(new Object[] { group, Timestamp.from(now.minus(Duration.ofMinutes(10L + i * 30L))) });
			}
		}
		this.jdbc.batchUpdate("INSERT INTO notify_activity (issuer, group_id, kind, actor_name, mentions, urgent, "
				+ "created_at, planned) VALUES ('', ?, 'MESSAGE', 'Member', '', FALSE, ?, TRUE)", activity);
	}

	/** Counts every statement executed through the application's connections. */
	static final class CountingDataSource extends DelegatingDataSource {

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> {
				Object result = invoke(connection, method, args);
				if (result instanceof Statement statement) {
					return statementProxy(statement);
				}
				return result;
			};
			return (Connection) Proxy.newProxyInstance(NotifyBenchmark.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

		private static Object statementProxy(Statement statement) {
			List<Class<?>> types = new ArrayList<>(List.of(Statement.class));
			if (statement instanceof java.sql.CallableStatement) {
				types.add(java.sql.CallableStatement.class);
			}
			else if (statement instanceof java.sql.PreparedStatement) {
				types.add(java.sql.PreparedStatement.class);
			}
			return Proxy.newProxyInstance(NotifyBenchmark.class.getClassLoader(), types.toArray(Class<?>[]::new),
					(proxy, method, args) -> {
						if (method.getName().startsWith("execute")) {
							STATEMENTS.incrementAndGet();
						}
						return invoke(statement, method, args);
					});
		}

		private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (java.lang.reflect.InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
