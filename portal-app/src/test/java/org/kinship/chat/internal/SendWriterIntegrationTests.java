package org.kinship.chat.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kinship.StaffedGroups;
import org.kinship.OnMariaDb;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.chat.Chat;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.GroupControls;
import org.kinship.chat.SendCommand;
import org.kinship.chat.SendResult;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.CannotAcquireLockException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Group commit of sends on the real MariaDB. The group's sequence row is held by another
 * connection while the writer stores a first message, so that the next messages wait in
 * its queue and are written together once the row is let go: each is stored once, in the
 * order it came, with no gap in the group's sequence; a message refused inside the batch
 * is refused alone; the same message sent twice in one batch is stored once and both
 * sends get it; a send whose work fails with an error is answered with it, and the writer
 * goes on to the next.
 */
@SpringBootTest(properties = "kinship.moderation.new-member-posts=0")
class SendWriterIntegrationTests extends OnMariaDb {

	private static final Duration CEILING = Duration.ofSeconds(60);

	@Autowired
	ApplicationContext context;

	@Autowired
	Chat chat;

	@Autowired
	SendWriter writer;

	@Autowired
	GroupControls controls;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	private final ExecutorService senders = Executors.newCachedThreadPool();

	private Staffed circle;

	private KinshipPrincipal wren;

	private KinshipPrincipal heron;

	private KinshipPrincipal kite;

	private ChatMessage welcome;

	@BeforeEach
	void groupWithThreeMembers() {
		StaffedGroups community = StaffedGroups.in(this.context);
		this.circle = community.group("Batches");
		this.wren = community.member(this.circle.group(), "Wren");
		this.heron = community.member(this.circle.group(), "Heron");
		this.kite = community.member(this.circle.group(), "Kite");
		// the group's sequence row, for the test to hold
		this.welcome = send(this.circle.facilitator(), id(), "Welcome, everyone").message();
	}

	@AfterEach
	void stopSenders() {
		this.senders.shutdownNow();
	}

	@Test
	void messagesThatArriveWhileABatchIsWrittenAreStoredTogetherEachOnceInTheirOrder() throws Exception {
		long batchesBefore = this.batches().count();
		Future<Object> one;
		Future<Object> two;
		Future<Object> three;
		try (Connection holder = holdSequence()) {
			one = sendAsync(this.wren, id(), "One");
			await("the writer waits for the sequence row", this::writerWaitsForALock);
			two = sendAsync(this.heron, id(), "Two");
			await("two waits in the queue", () -> this.writer.waiting() == 1);
			three = sendAsync(this.kite, id(), "Three");
			await("three waits in the queue", () -> this.writer.waiting() == 2);
			holder.commit();
		}

		List<ChatMessage> sent = List.of(this.welcome, stored(one), stored(two), stored(three));
		assertThat(sent).extracting(ChatMessage::seq).containsExactly(1L, 2L, 3L, 4L);
		// three messages in two transactions: the last two together
		assertThat(this.batches().count() - batchesBefore).isEqualTo(2);
		assertThat(this.chat.since(this.wren, this.circle.group().id(), 0).messages()).extracting(ChatMessage::id)
			.containsExactlyElementsOf(sent.stream().map(ChatMessage::id).toList());
	}

	@Test
	void aMessageRefusedInsideABatchIsRefusedAloneAndTheOthersAreStored() throws Exception {
		this.controls.slowMode(this.circle.facilitator(), this.circle.group().id(), 60);
		Future<Object> facilitator;
		Future<Object> first;
		Future<Object> tooSoon;
		Future<Object> other;
		try (Connection holder = holdSequence()) {
			facilitator = sendAsync(this.circle.facilitator(), id(), "Slow mode is on today");
			await("the writer waits for the sequence row", this::writerWaitsForALock);
			first = sendAsync(this.heron, id(), "A first thought");
			await("the first waits in the queue", () -> this.writer.waiting() == 1);
			tooSoon = sendAsync(this.heron, id(), "And a second one straight away");
			await("the second waits in the queue", () -> this.writer.waiting() == 2);
			other = sendAsync(this.kite, id(), "Hello from Kite");
			await("the other waits in the queue", () -> this.writer.waiting() == 3);
			holder.commit();
		}

		assertThat(stored(facilitator).seq()).isEqualTo(2);
		assertThat(List.of(stored(first).seq(), stored(other).seq())).containsExactly(3L, 4L);
		assertThat(tooSoon.get()).isInstanceOfSatisfying(Refused.class,
				(refused) -> assertThat(refused.messageKey()).isEqualTo("chat.error.slow-mode"));
		assertThat(this.chat.since(this.kite, this.circle.group().id(), 0).messages()).hasSize(4);
	}

	@Test
	void theSameMessageSentTwiceInOneBatchIsStoredOnceAndBothSendsGetIt() throws Exception {
		String twice = id();
		Future<Object> one;
		Future<Object> sent;
		Future<Object> again;
		try (Connection holder = holdSequence()) {
			one = sendAsync(this.wren, id(), "One");
			await("the writer waits for the sequence row", this::writerWaitsForALock);
			sent = sendAsync(this.heron, twice, "Sent from my phone and my laptop");
			await("the first copy waits in the queue", () -> this.writer.waiting() == 1);
			again = sendAsync(this.heron, twice, "Sent from my phone and my laptop");
			await("the second copy waits in the queue", () -> this.writer.waiting() == 2);
			holder.commit();
		}

		assertThat(stored(one).seq()).isEqualTo(2);
		SendResult first = (SendResult) sent.get();
		SendResult second = (SendResult) again.get();
		assertThat(first.message().id()).isEqualTo(second.message().id());
		assertThat(List.of(first.repeated(), second.repeated())).containsExactlyInAnyOrder(false, true);
		assertThat(this.chat.since(this.wren, this.circle.group().id(), 0).messages()).hasSize(3);
	}

	@Test
	// a ceiling, not a timing: a writer that died would leave the next send waiting for
	// ever
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void aSendThatFailsWithAnErrorIsAnsweredAndTheWriterGoesOn() {
		assertThatExceptionOfType(StackOverflowError.class)
			.isThrownBy(() -> this.writer.write(this.circle.group().id(), () -> {
				throw new StackOverflowError("a send's work that fails badly");
			}));

		assertThat(send(this.wren, id(), "Still here").message().seq()).isEqualTo(2);
	}

	@Test
	void aSendWhoseTransactionLostADeadlockIsWrittenAgainAndFailsOnlyAfterItsThirdTry() {
		AtomicInteger runs = new AtomicInteger();
		String stored = this.writer.write(this.circle.group().id(), () -> {
			if (runs.incrementAndGet() == 1) {
				throw new CannotAcquireLockException("Deadlock found when trying to get lock");
			}
			return "stored";
		});
		assertThat(stored).isEqualTo("stored");
		assertThat(runs).hasValue(2);

		AtomicInteger tries = new AtomicInteger();
		assertThatExceptionOfType(CannotAcquireLockException.class)
			.isThrownBy(() -> this.writer.write(this.circle.group().id(), () -> {
				tries.incrementAndGet();
				throw new CannotAcquireLockException("Deadlock found when trying to get lock");
			}));
		assertThat(tries).hasValue(3);
	}

	private io.micrometer.core.instrument.DistributionSummary batches() {
		return this.meters.get("kinship.messages.batch").summary();
	}

	/**
	 * Another connection's lock on the group's sequence row, held until it commits: a
	 * message's transaction waits at its sequence number meanwhile.
	 */
	private Connection holdSequence() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection
			.prepareStatement("SELECT last_seq FROM group_sequence WHERE group_id = ? FOR UPDATE")) {
			lock.setLong(1, this.circle.group().id());
			lock.executeQuery().close();
		}
		return connection;
	}

	private boolean writerWaitsForALock() {
		try (Connection connection = this.dataSource.getConnection();
				// the process list, not innodb_trx: MariaDB refreshes its copy of that
				// table only when it was not read in the last 100 ms
				PreparedStatement waiting = connection
					.prepareStatement("SELECT COUNT(*) FROM information_schema.processlist WHERE db = DATABASE() "
							+ "AND info LIKE 'INSERT INTO group_sequence%'");
				ResultSet count = waiting.executeQuery()) {
			return count.next() && count.getInt(1) > 0;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits for what the test needs next, within a ceiling far above a slow machine's.
	 */
	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		Instant until = Instant.now().plus(CEILING);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(until)) {
				throw new AssertionError("Not within " + CEILING.toSeconds() + " s: " + what);
			}
			Thread.sleep(10);
		}
	}

	private Future<Object> sendAsync(KinshipPrincipal sender, String clientId, String text) {
		return this.senders.submit(() -> {
			try {
				return send(sender, clientId, text);
			}
			catch (Refused refused) {
				return refused;
			}
		});
	}

	private SendResult send(KinshipPrincipal sender, String clientId, String text) {
		return this.chat.send(sender, this.circle.group().id(), new SendCommand(clientId, text, null));
	}

	private static ChatMessage stored(Future<Object> send) throws InterruptedException, ExecutionException {
		Object outcome = send.get();
		assertThat(outcome).isInstanceOf(SendResult.class);
		return ((SendResult) outcome).message();
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}
