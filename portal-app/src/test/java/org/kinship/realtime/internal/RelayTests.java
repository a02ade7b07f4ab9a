package org.kinship.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinship.realtime.RelayHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * Two nodes on one Redis channel, the channel played by the test: what a feature relays
 * on one node reaches the handler of its type on the other.
 */
class RelayTests {

	private static final String CHANNEL = "kinship:chat";

	private final JsonMapper json = JsonMapper.builder().build();

	private final ExecutorService publisher = Executors.newSingleThreadExecutor();

	private final List<String> onTheChannel = new ArrayList<>();

	private final RedisFanout nodeA = node("node-a");

	@AfterEach
	void stop() {
		this.publisher.shutdownNow();
	}

	@Test
	void aPayloadFromOneNodeReachesTheHandlerOfItsTypeOnAnother() throws Exception {
		List<Posted> posted = new ArrayList<>();
		List<Changed> changed = new ArrayList<>();
		RelayReceiver nodeB = new RelayReceiver(this.json, "node-b",
				List.of(RelayHandler.of("test.posted", Posted.class, posted::add),
						RelayHandler.of("test.changed", Changed.class, changed::add)));

		Posted message = new Posted(7, "Ça va? \"Quoted\" {braces}", List.of("👍", "🤗"));
		this.nodeA.toOtherNodes("test.posted", message);
		this.nodeA.toOtherNodes("test.changed", new Changed(7));
		deliverTo(nodeB);

		assertThat(posted).containsExactly(message);
		assertThat(changed).containsExactly(new Changed(7));
	}

	@Test
	void aTypeNoHandlerClaimsIsIgnoredAndWhatFollowsStillArrives() throws Exception {
		List<Changed> changed = new ArrayList<>();
		RelayReceiver nodeB = new RelayReceiver(this.json, "node-b",
				List.of(RelayHandler.of("test.changed", Changed.class, changed::add)));

		this.nodeA.toOtherNodes("test.unknown", new Posted(7, "not for B", List.of()));
		this.nodeA.toOtherNodes("test.changed", new Changed(8));
		deliverTo(nodeB);

		assertThat(changed).containsExactly(new Changed(8));
	}

	@Test
	void aNodeDoesNotReceiveWhatItSentItself() throws Exception {
		List<Changed> changed = new ArrayList<>();
		RelayReceiver nodeAItself = new RelayReceiver(this.json, "node-a",
				List.of(RelayHandler.of("test.changed", Changed.class, changed::add)));

		this.nodeA.toOtherNodes("test.changed", new Changed(7));
		deliverTo(nodeAItself);

		assertThat(this.onTheChannel).hasSize(1);
		assertThat(changed).isEmpty();
	}

	@Test
	void twoHandlersOfOneTypeAreAMistake() {
		RelayHandler<Changed> one = RelayHandler.of("test.changed", Changed.class, (ignored) -> {
		});
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> new RelayReceiver(this.json, "node-b", List.of(one, one)));
	}

	private RedisFanout node(String name) {
		StringRedisTemplate redis = mock(StringRedisTemplate.class);
		willAnswer((call) -> {
			synchronized (this.onTheChannel) {
				this.onTheChannel.add(call.getArgument(1));
			}
			return 1L;
		}).given(redis).convertAndSend(anyString(), anyString());
		RealtimeProperties properties = new RealtimeProperties(true, CHANNEL, name, Duration.ofSeconds(20), 65536, 10,
				Duration.ofSeconds(10));
		return new RedisFanout(redis, properties, this.json, this.publisher);
	}

	/** Waits until the publisher has sent everything, then hands it to a node. */
	private void deliverTo(RelayReceiver node) throws InterruptedException {
		this.publisher.shutdown();
		assertThat(this.publisher.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		synchronized (this.onTheChannel) {
			for (String body : this.onTheChannel) {
				node.onMessage(new DefaultMessage(CHANNEL.getBytes(StandardCharsets.UTF_8),
						body.getBytes(StandardCharsets.UTF_8)), null);
			}
		}
	}

	record Posted(long groupId, String text, List<String> reactions) {
	}

	record Changed(long groupId) {
	}

}
