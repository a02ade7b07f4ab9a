package org.kinship.realtime.internal;

import java.time.Duration;
import java.util.UUID;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the real-time module ({@code kinship.realtime}).
 *
 * @param redisFanout deliver across nodes through Redis; off, delivery stays in this
 * node's memory (the embedded default)
 * @param channel the node-wide Redis channel; a followed topic's payloads travel on
 * {@code <channel>:<topic>}
 * @param nodeId this node's name on that channel; random unless set
 * @param heartbeat STOMP heart-beat interval in both directions
 * @param maxFrameBytes the largest STOMP frame accepted
 * @param inboundThreads threads that handle frames from clients; each send holds one
 * while it waits on the database, so about as many as the database connection pool has
 * @param topicLinger how long a node keeps hearing a topic's channel after its last page
 * here left it
 */
@Validated
@ConfigurationProperties("kinship.realtime")
record RealtimeProperties(@DefaultValue("false") boolean redisFanout, @DefaultValue("kinship:chat") String channel,
		@DefaultValue("") String nodeId, @DefaultValue("PT20S") Duration heartbeat,
		@DefaultValue("65536") int maxFrameBytes, @DefaultValue("10") @Min(1) int inboundThreads,
		@DefaultValue("PT10S") Duration topicLinger) {

	String node() {
		return this.nodeId.isBlank() ? RANDOM_NODE : this.nodeId;
	}

	private static final String RANDOM_NODE = UUID.randomUUID().toString();

}
