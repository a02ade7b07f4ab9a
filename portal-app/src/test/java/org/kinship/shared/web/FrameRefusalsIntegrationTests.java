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
import org.kinship.realtime.DestinationRule;
import org.kinship.shared.SocketLocale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Controller;
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
	void refusesToFollowAnotherGroupsTopicWithoutClosingTheSocket() throws Exception {
		Message<byte[]> subscribe = frame(StompCommand.SUBSCRIBE, "/topic/groups/" + OTHER_GROUP, "", "r-sub");
		boolean passed = this.inbound.send(subscribe);

		assertThat(passed).as("the frame goes no further").isFalse();
		String reply = replyToMember();
		assertThat(reply).contains("\"outcome\":\"REFUSED\"")
			.contains("You can only follow groups you belong to.")
			.contains("\"receipt\":\"r-sub\"");
		assertThat(this.toClient).as("no ERROR frame, which would close the socket")
			.noneMatch((message) -> StompHeaderAccessor.wrap(message).getCommand() == StompCommand.ERROR);
	}

	@Test
	void answersARefusedReadMarkerOnTheMembersReplyQueue(CapturedOutput output) throws Exception {
		this.inbound.send(frame(StompCommand.SEND, "/app/groups/" + OTHER_GROUP + "/read", "{\"afterSeq\":7}", "r-9"));

		String reply = replyToMember();
		assertThat(reply).contains("\"outcome\":\"REFUSED\"")
			.contains("Only members of this group can read and post here.")
			.contains("\"receipt\":\"r-9\"");
		assertThat(receipt()).as("the frame was handled: its RECEIPT follows").isEqualTo("r-9");
		assertNothingOfTheFrameLogged(output, "afterSeq");
	}

	@Test
	void answersAFailureOfAHandlerWithoutLoggingTheFrameOrTheFailuresText(CapturedOutput output) throws Exception {
		this.inbound.send(frame(StompCommand.SEND, Failing.DESTINATION, "{\"note\":\"555-0199\"}"));

		String reply = replyToMember();
		assertThat(reply).contains("\"outcome\":\"FAILED\"").contains("Kinship could not do that just now.");
		assertNothingOfTheFrameLogged(output, "555-0199");
		assertThat(output.getAll()).doesNotContain(Failing.SECRET)
			.contains("A frame could not be handled (java.lang.IllegalStateException)");
	}

	@Test
	void sendsAReceiptOnceASubscriptionIsRegistered() throws Exception {
		this.inbound.send(frame(StompCommand.SUBSCRIBE, "/user/queue/replies", "", "r-replies"));

		assertThat(receipt()).isEqualTo("r-replies");
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

	/** The receipt id of the first RECEIPT sent to this socket. */
	private String receipt() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			Message<?> message = this.toClient.poll(100, TimeUnit.MILLISECONDS);
			StompHeaderAccessor headers = (message != null) ? StompHeaderAccessor.wrap(message) : null;
			if (headers != null && headers.getCommand() == StompCommand.RECEIPT
					&& this.session.equals(headers.getSessionId())) {
				return headers.getReceiptId();
			}
		}
		throw new AssertionError("No RECEIPT");
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
		return frame(command, destination, body, null);
	}

	private Message<byte[]> frame(StompCommand command, String destination, String body, @Nullable String receipt) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		if (receipt != null) {
			headers.setReceipt(receipt);
		}
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
	 * A handler that fails with a text no log may carry, and the rule that lets frames
	 * reach it.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Failing {

		static final String DESTINATION = "/app/test/failing";

		static final String SECRET = "jdbc statement with Pat Doe's record";

		@Bean
		DestinationRule failingDestination() {
			return new DestinationRule() {

				@Override
				public boolean maySend(KinshipPrincipal principal, String destination) {
					return DESTINATION.equals(destination);
				}

			};
		}

		@Bean
		FailingController failingController() {
			return new FailingController();
		}

	}

	@Controller
	static class FailingController {

		@MessageMapping("/test/failing")
		void fail() {
			throw new IllegalStateException(Failing.SECRET);
		}

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
