package org.kinship.realtime;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

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
		assertThat(this.json.readValue(fromB, RedisFanout.Envelope.class).review())
			.isEqualTo(new ReviewSignal(7, true));
	}

	private byte[] envelope(String origin) {
		return this.json
			.writeValueAsBytes(new RedisFanout.Envelope(origin, null, null, new ReviewSignal(7, true), null));
	}

}
