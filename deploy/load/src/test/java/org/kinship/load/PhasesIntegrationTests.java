package org.kinship.load;

import org.junit.jupiter.api.Test;
import org.kinship.load.Phases.Saturation;
import org.kinship.load.bare.BareBroker;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator's phases against the bare broker, the one server it needs no setup
 * for: every client is seen to follow its group, and every message sent reaches each
 * client of its group once.
 */
@SpringBootTest(classes = BareBroker.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class PhasesIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aTimedRunCountsEveryMessageOnceAtEveryClientOfItsGroup() throws Exception {
		try (Fleet fleet = new Fleet(new long[] { 1, 2 }, 6)) {
			assertThat(fleet.connect("ws://localhost:" + this.port + "/ws", null)).isEqualTo(6);
			assertThat(Phases.awaitSubscribed(fleet)).isEqualTo(6);

			Figures figures = Phases.timed("run", fleet, 20, 1, 5);

			assertThat(figures.sent()).isEqualTo(20);
			assertThat(figures.stored()).as("every send answered as stored").isEqualTo(20);
			assertThat(figures.expected()).isEqualTo(20 * 3);
			assertThat(figures.delivered()).isEqualTo(20 * 3);
			assertThat(figures.lost()).isZero();
			assertThat(figures.duplicates()).isZero();
			assertThat(figures.p99Millis()).isPositive();
		}
	}

	@Test
	void saturationKeepsSendingAsAcknowledgementsComeBack() throws Exception {
		try (Fleet fleet = new Fleet(new long[] { 1, 2 }, 6)) {
			fleet.connect("ws://localhost:" + this.port + "/ws", null);
			Phases.awaitSubscribed(fleet);

			Saturation saturation = Phases.saturate(fleet, 2, 1, 5);

			assertThat(saturation.senders()).isEqualTo(2);
			assertThat(saturation.messagesPerSecond()).isGreaterThan(10);
			assertThat(saturation.deliveriesPerSecond()).isGreaterThan(saturation.messagesPerSecond());
			assertThat(saturation.figures().lost()).isZero();
			assertThat(saturation.figures().duplicates()).isZero();
		}
	}

}
