package org.kinship.realtime;

import java.util.function.Consumer;

/**
 * Receives the payloads of one type that other nodes sent through {@link Relay}. A
 * feature registers one bean for each of its types. Payloads of a type no handler claims
 * are ignored. Handlers run on the one thread that reads from Redis, in the order the
 * payloads came: they hand slow work to a thread of their own.
 *
 * @param <T> the payload's class
 */
public interface RelayHandler<T> {

	/**
	 * The type this handler receives.
	 * @return the type, unique among the handlers
	 */
	String type();

	/**
	 * The class the JSON payload is read as.
	 * @return the class
	 */
	Class<T> payloadType();

	/**
	 * Receives one payload.
	 * @param payload the payload
	 */
	void receive(T payload);

	/**
	 * A handler of one type.
	 * @param <T> the payload's class
	 * @param type the type
	 * @param payloadType the class the payload is read as
	 * @param receiver what receives each payload
	 * @return the handler
	 */
	static <T> RelayHandler<T> of(String type, Class<T> payloadType, Consumer<T> receiver) {
		return new RelayHandler<>() {

			@Override
			public String type() {
				return type;
			}

			@Override
			public Class<T> payloadType() {
				return payloadType;
			}

			@Override
			public void receive(T payload) {
				receiver.accept(payload);
			}

		};
	}

}
