package org.kinship.realtime.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.realtime.RelayHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

/**
 * Reads what other nodes sent ({@link RedisFanout.Envelope}) and hands each payload to
 * the handler of its type, on the one thread the listener container gives it, in the
 * order the payloads came. The node's own envelopes, which Redis hands back too, are
 * dropped from their first bytes before they are read. An envelope is read in one pass:
 * its origin and type, then the payload straight into the handler's class, so a chat
 * message is parsed once, as before there were types.
 */
class RelayReceiver implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(RelayReceiver.class);

	private final JsonMapper json;

	private final byte[] ownPrefix;

	private final Map<String, Reader<?>> readers = new HashMap<>();

	RelayReceiver(JsonMapper json, String node, List<RelayHandler<?>> handlers) {
		this.json = json;
		this.ownPrefix = RedisFanout.prefixOf(json, node);
		for (RelayHandler<?> handler : handlers) {
			if (this.readers.put(handler.type(), Reader.of(json, handler)) != null) {
				throw new IllegalStateException("Two handlers of relayed " + handler.type());
			}
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		byte[] body = message.getBody();
		if (RedisFanout.startsWith(body, this.ownPrefix)) {
			return;
		}
		receive(body);
	}

	private void receive(byte[] body) {
		try (JsonParser parser = this.json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return;
			}
			Reader<?> reader = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
					reader = this.readers.get(parser.getString());
				}
				else if ("payload".equals(name)) {
					// the type is written before the payload; a payload of a type no
					// handler claims is not read
					if (reader != null && value != JsonToken.VALUE_NULL) {
						reader.hand(parser);
					}
					return;
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("A message from another node could not be read ({})", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Reads a payload where the parser stands, inside its envelope, and hands it on.
	 *
	 * @param <T> the payload's class
	 * @param reader reads the payload; the envelope's end follows it
	 * @param handler the payload's handler
	 */
	private record Reader<T>(ObjectReader reader, RelayHandler<T> handler) {

		static <T> Reader<T> of(JsonMapper json, RelayHandler<T> handler) {
			return new Reader<>(
					json.readerFor(handler.payloadType()).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS),
					handler);
		}

		void hand(JsonParser parser) {
			@Nullable T payload = this.reader.readValue(parser);
			if (payload != null) {
				this.handler.receive(payload);
			}
		}

	}

}
