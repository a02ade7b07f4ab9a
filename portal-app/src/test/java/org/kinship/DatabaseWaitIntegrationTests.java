package org.kinship;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node started while its database does not answer waits for it, and starts, migrated,
 * once it does: the database here is MariaDB behind a forwarder the test opens only once
 * the node has said it is waiting.
 */
class DatabaseWaitIntegrationTests {

	@Test
	void aNodeStartedBeforeItsDatabaseWaitsAndStartsWhenTheDatabaseAnswers() throws Exception {
		URI database = URI.create(MariaDbTestDatabase.url().substring("jdbc:".length()));
		int port = Ports.free();
		String url = "jdbc:mariadb://127.0.0.1:" + port + database.getPath();
		int mark = RecordedLog.mark();
		CompletableFuture<ConfigurableApplicationContext> node = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(KinshipApplication.class).run("--server.port=0",
					"--spring.datasource.url=" + url, "--spring.datasource.username=" + MariaDbTestDatabase.user(),
					"--spring.datasource.password=" + MariaDbTestDatabase.password(),
					"--kinship.startup.database-wait=PT5M", "--spring.jmx.enabled=false"));

		Awaitility.await()
			.atMost(2, TimeUnit.MINUTES)
			.until(() -> RecordedLog.since(mark)
				.stream()
				.anyMatch((line) -> line.contains("Waiting for the database")));
		assertThat(node).isNotDone();

		try (Forwarder forwarder = new Forwarder(port, database.getHost(), database.getPort());
				ConfigurableApplicationContext context = node.get(5, TimeUnit.MINUTES)) {
			assertThat(context.isRunning()).isTrue();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE",
					Integer.class))
				.isZero();
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM community_group", Integer.class)).isPositive();
		}
	}

	/**
	 * Passes every connection made to a port on to the database, as a proxy in front of
	 * it or the database's own port coming up would.
	 */
	private static final class Forwarder implements AutoCloseable {

		private final ServerSocket server;

		Forwarder(int port, String host, int target) throws IOException {
			this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
			daemon(() -> {
				while (!this.server.isClosed()) {
					try {
						Socket client = this.server.accept();
						Socket upstream = new Socket(host, target);
						pipe(client, upstream);
						pipe(upstream, client);
					}
					catch (IOException ex) {
						// closed
					}
				}
			});
		}

		private static void pipe(Socket from, Socket to) {
			daemon(() -> {
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					in.transferTo(out);
				}
				catch (IOException ex) {
					// one side closed
				}
				finally {
					close(from);
					close(to);
				}
			});
		}

		private static void daemon(Runnable work) {
			Thread thread = new Thread(work, "forwarder");
			thread.setDaemon(true);
			thread.start();
		}

		private static void close(Socket socket) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

}
