package org.kinship.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kinship.realtime.RelayHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.DefaultMessage;

import static org.assertj.core.api.Assertions.assertThat;

class RedisFanoutTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aNodeKnowsItsOwnEnvelopesFromTheirFirstBytes() {
		byte[] own = RedisFanout.prefixOf(this.json, "node-\"a\"");
		byte[] fromA = envelope("node-\"a\"");
		byte[] fromB = envelope("node-\"a\"-b");

		assertThat(RedisFanout.startsWith(fromA, own)).isTrue();
		assertThat(RedisFanout.startsWith(fromB, own)).isFalse();
		assertThat(RedisFanout.startsWith("{}".getBytes(StandardCharsets.UTF_8), own)).isFalse();
		List<Signal> received = new ArrayList<>();
		receiver("node-\"a\"", RelayHandler.of("review", Signal.class, received::add)).onMessage(message(fromB), null);
		assertThat(received).containsExactly(new Signal(7, true));
	}

	private byte[] envelope(String origin) {
		return this.json.writeValueAsBytes(new RedisFanout.Envelope(origin, "review", new Signal(7, true)));
	}

	private RelayReceiver receiver(String node, RelayHandler<?>... handlers) {
		return new RelayReceiver(this.json, node, List.of(handlers));
	}

	private static DefaultMessage message(byte[] body) {
		return new DefaultMessage("kinship:chat".getBytes(StandardCharsets.UTF_8), body);
	}

	record Signal(long groupId, boolean urgent) {
	}

}
