package org.kinship.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.SocketLocale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames sent into the real messaging configuration's {@code clientInboundChannel}, as a
 * member's socket would send them, and what comes back on the way to the client and to
 * the broker.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class FrameRefusalsIntegrationTests {

	/** A group nobody here has a seat in. */
	private static final long OTHER_GROUP = 424242;

	@Autowired
	@Qualifier("clientInboundChannel")
	AbstractSubscribableChannel inbound;

	@Autowired
	@Qualifier("clientOutboundChannel")
	AbstractSubscribableChannel outbound;

	@Autowired
	@Qualifier("brokerChannel")
	AbstractSubscribableChannel broker;

	private final BlockingQueue<Message<?>> toClient = new LinkedBlockingQueue<>();

	private final BlockingQueue<Message<?>> toBroker = new LinkedBlockingQueue<>();

	private final ChannelInterceptor clientCapture = capture(this.toClient);

	private final ChannelInterceptor brokerCapture = capture(this.toBroker);

	private final String session = "s-" + UUID.randomUUID();

	private final KinshipPrincipal member = SignedIn.patient("p-" + UUID.randomUUID());

	@BeforeEach
	void listen() {
		this.outbound.addInterceptor(this.clientCapture);
		this.broker.addInterceptor(this.brokerCapture);
	}

	@AfterEach
	void stopListening() {
		this.outbound.removeInterceptor(this.clientCapture);
		this.broker.removeInterceptor(this.brokerCapture);
	}

	@Test
	void refusesToFollowAnotherGroupsTopic() throws Exception {
		boolean passed = this.inbound.send(frame(StompCommand.SUBSCRIBE, "/topic/groups/" + OTHER_GROUP, ""));

		assertThat(passed).as("the frame goes no further").isFalse();
		Message<?> error = this.toClient.poll(60, TimeUnit.SECONDS);
		assertThat(error).isNotNull();
		StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
		assertThat(headers.getCommand()).isEqualTo(StompCommand.ERROR);
		assertThat(headers.getSessionId()).isEqualTo(this.session);
	}

	@Test
	void answersARefusedCatchUpOnTheMembersReplyQueue(CapturedOutput output) throws Exception {
		this.inbound.send(frame(StompCommand.SEND, "/app/groups/" + OTHER_GROUP + "/since", "{\"afterSeq\":0}"));

		String reply = replyToMember();
		assertThat(reply).contains("\"outcome\":\"REFUSED\"")
			.contains("Only members of this group can read and post here.");
		assertNothingOfTheFrameLogged(output, "afterSeq");
	}

	@Test
	void answersAnUnreadableSendWithoutLoggingIt(CapturedOutput output) throws Exception {
		String payload = "{not json at all, phone 555-0100";
		this.inbound.send(frame(StompCommand.SEND, "/app/groups/" + OTHER_GROUP + "/send", payload));

		String reply = replyToMember();
		assertThat(reply).contains("\"outcome\":\"REFUSED\"").contains("Kinship could not read that.");
		assertNothingOfTheFrameLogged(output, "555-0100");
	}

	private void assertNothingOfTheFrameLogged(CapturedOutput output, String payloadText) {
		assertThat(output.getAll()).doesNotContain(this.session)
			.doesNotContain(this.member.fhirUser())
			.doesNotContain(payloadText)
			.doesNotContain("Unhandled exception")
			.doesNotContain("\tat org.springframework");
	}

	/** The first message the broker is given for this member's reply queue. */
	private String replyToMember() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			Message<?> message = this.toBroker.poll(100, TimeUnit.MILLISECONDS);
			if (message != null
					&& String.valueOf(StompHeaderAccessor.wrap(message).getDestination()).endsWith("/queue/replies")
					&& message.getPayload() instanceof byte[] bytes) {
				return new String(bytes, StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("No reply on the member's reply queue");
	}

	private Message<byte[]> frame(StompCommand command, String destination, String body) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		headers.setSessionId(this.session);
		headers.setUser(SignedIn.authentication(this.member));
		headers.setDestination(destination);
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(SocketLocale.ATTRIBUTE, Locale.ENGLISH);
		headers.setSessionAttributes(attributes);
		if (command == StompCommand.SUBSCRIBE) {
			headers.setSubscriptionId("sub-1");
		}
		else {
			headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		}
		return MessageBuilder.createMessage(body.getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders());
	}

	/**
	 * Records a message once its send has passed every interceptor. The capture is the
	 * channel's last interceptor and records on the way back, so the test only sees the
	 * message once the channel no longer looks at its own position in the chain: removing
	 * the capture after the test cannot pull the chain from under a send still in flight.
	 */
	private static ChannelInterceptor capture(BlockingQueue<Message<?>> into) {
		return new ChannelInterceptor() {

			@Override
			public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent,
					@Nullable Exception ex) {
				into.add(message);
			}

		};
	}

}
