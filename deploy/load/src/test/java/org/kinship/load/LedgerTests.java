package org.kinship.load;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTests {

	// clients 0 and 1 follow group 0, client 2 follows group 1
	private final Ledger ledger = new Ledger("run", 10, new int[] { 0, 0, 1 }, 2);

	@Test
	void expectsEachStoredMessageOnceAtEveryClientOfItsGroup() {
		int first = sent(0, "STORED");
		sent(1, "STORED");
		sent(0, "REFUSED");
		shown(0, first);
		shown(1, first);

		Figures figures = this.ledger.figures();
		assertThat(figures.sent()).isEqualTo(3);
		assertThat(figures.stored()).isEqualTo(2);
		assertThat(figures.refused()).isEqualTo(1);
		assertThat(figures.expected()).isEqualTo(3);
		assertThat(figures.delivered()).isEqualTo(2);
		assertThat(figures.lost()).as("the message to group 1 never reached client 2").isEqualTo(1);
		assertThat(this.ledger.clientsMissingMessages()).isEqualTo(1);
	}

	@Test
	void countsAMessageShownTwiceToOneClientAsADuplicate() {
		int message = sent(0, "STORED");
		shown(0, message);
		shown(0, message);
		shown(1, message);

		Figures figures = this.ledger.figures();
		assertThat(figures.duplicates()).isEqualTo(1);
		assertThat(figures.delivered()).isEqualTo(2);
		assertThat(figures.lost()).isZero();
	}

	@Test
	void leavesMessagesOfOtherPhasesOutOfTheCount() {
		sent(0, "STORED");
		this.ledger.delivered(0, json("{\"id\":7,\"clientId\":\"load-probe1-0\"}"), System.nanoTime());

		Figures figures = this.ledger.figures();
		assertThat(figures.foreign()).isEqualTo(1);
		assertThat(figures.delivered()).isZero();
		assertThat(figures.lost()).isEqualTo(2);
	}

	@Test
	void measuresLatencyFromSendToFirstDelivery() throws InterruptedException {
		int message = sent(0, "STORED");
		Thread.sleep(20);
		shown(0, message);

		assertThat(this.ledger.figures().maxMillis()).isGreaterThanOrEqualTo(20);
	}

	private int sent(int group, String outcome) {
		int number = this.ledger.book(group);
		this.ledger.sending(number);
		String clientId = this.ledger.clientId(number);
		this.ledger.acknowledged(json("{\"clientId\":\"" + clientId + "\",\"outcome\":\"" + outcome + "\"}"));
		return number;
	}

	private void shown(int client, int number) {
		this.ledger.delivered(client,
				json("{\"id\":" + number + ",\"clientId\":\"" + this.ledger.clientId(number) + "\"}"),
				System.nanoTime());
	}

	private static byte[] json(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
