package org.kinship.load;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.BufferingStompDecoder;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.util.MimeTypeUtils;

/**
 * STOMP over WebSocket for thousands of clients at once: Netty's WebSocket client on a
 * couple of event-loop threads, with Spring's STOMP encoder and decoder. Spring's own
 * STOMP client over Tomcat's WebSocket client hands every frame from thread to thread and
 * decodes and encodes its text again; with 2,000 clients it used two thirds of a core of
 * the machine it shares with the server under test. Here a frame is read, decoded and
 * booked on the thread that read it.
 */
final class StompSockets implements AutoCloseable {

	/** What stomp.js asks for in the browser. */
	private static final long HEARTBEAT_MILLIS = 10_000;

	private static final int MOST_BYTES = 64 * 1024;

	private static final StompEncoder ENCODER = new StompEncoder();

	private static final StompDecoder DECODER = new StompDecoder();

	private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2,
			new DefaultThreadFactory("stomp-sockets", true), NioIoHandler.newFactory());

	/**
	 * Opens a STOMP session: the WebSocket handshake, CONNECT, and on CONNECTED a
	 * SUBSCRIBE for each destination, subscription {@code i} for destination {@code i}.
	 * @param url the server's {@code ws://} endpoint
	 * @param cookies the handshake's cookies, or {@code null}
	 * @param destinations what to follow
	 * @param frames what to do with each MESSAGE frame
	 * @param problems what went wrong, in a few words
	 * @return the session once subscribed
	 */
	CompletableFuture<Session> connect(String url, @Nullable String cookies, List<String> destinations, Frames frames,
			Consumer<String> problems) {
		return connect(url, cookies, destinations, frames, problems, false);
	}

	/**
	 * Opens a STOMP session as above; with {@code receipt}, the last SUBSCRIBE asks for a
	 * RECEIPT and the session is given only once it has come, so that every subscription
	 * is registered on the server (frames of one socket are handled in order). Kinship
	 * sends receipts; the bare broker does not.
	 * @param url the server's {@code ws://} endpoint
	 * @param cookies the handshake's cookies, or {@code null}
	 * @param destinations what to follow
	 * @param frames what to do with each MESSAGE frame
	 * @param problems what went wrong, in a few words
	 * @param receipt whether to wait for the server's RECEIPT of the subscriptions
	 * @return the session once subscribed
	 */
	CompletableFuture<Session> connect(String url, @Nullable String cookies, List<String> destinations, Frames frames,
			Consumer<String> problems, boolean receipt) {
		URI uri = URI.create(url);
		HttpHeaders headers = new DefaultHttpHeaders();
		if (cookies != null) {
			headers.add(HttpHeaderNames.COOKIE, cookies);
		}
		WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
			.webSocketUri(uri)
			.subprotocol("v12.stomp")
			.customHeaders(headers)
			.maxFramePayloadLength(MOST_BYTES)
			.handshakeTimeoutMillis(60_000)
			.generateOriginHeader(false)
			.build();
		Session session = new Session(uri.getHost(), destinations, frames, problems, receipt);
		new Bootstrap().group(this.loops)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.handler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpClientCodec(), new HttpObjectAggregator(MOST_BYTES),
								new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MOST_BYTES),
								session);
				}

			})
			.connect(uri.getHost(), uri.getPort())
			.addListener((done) -> {
				if (!done.isSuccess()) {
					session.subscribed.completeExceptionally(done.cause());
				}
			});
		return session.subscribed;
	}

	@Override
	public void close() {
		this.loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
	}

	/** One client's STOMP session on its socket. */
	static final class Session extends SimpleChannelInboundHandler<WebSocketFrame> {

		private final String host;

		private final List<String> destinations;

		private final Frames frames;

		private final Consumer<String> problems;

		private final boolean receipt;

		private final BufferingStompDecoder decoder = new BufferingStompDecoder(DECODER, MOST_BYTES);

		private final CompletableFuture<Session> subscribed = new CompletableFuture<>();

		private volatile @Nullable Channel channel;

		private volatile boolean connected;

		private @Nullable ScheduledFuture<?> heartbeat;

		Session(String host, List<String> destinations, Frames frames, Consumer<String> problems, boolean receipt) {
			this.host = host;
			this.destinations = destinations;
			this.frames = frames;
			this.problems = problems;
			this.receipt = receipt;
		}

		/**
		 * Sends a SEND frame.
		 * @param destination where to
		 * @param json the body
		 * @return false when the socket is closed
		 */
		boolean send(String destination, String json) {
			Channel current = this.channel;
			if (current == null || !this.connected || !current.isActive()) {
				return false;
			}
			StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.SEND);
			headers.setDestination(destination);
			headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
			write(current, headers, json.getBytes(StandardCharsets.UTF_8));
			return true;
		}

		boolean online() {
			Channel current = this.channel;
			return this.connected && current != null && current.isActive();
		}

		void close() {
			Channel current = this.channel;
			if (current != null && current.isActive()) {
				write(current, StompHeaderAccessor.create(StompCommand.DISCONNECT), new byte[0]);
				current.close();
			}
		}

		@Override
		public void channelActive(ChannelHandlerContext context) throws Exception {
			this.channel = context.channel();
			super.channelActive(context);
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
			if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
				StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.CONNECT);
				headers.setAcceptVersion("1.2");
				headers.setHost(this.host);
				headers.setHeartbeat(HEARTBEAT_MILLIS, HEARTBEAT_MILLIS);
				write(context.channel(), headers, new byte[0]);
			}
			else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
				this.subscribed.completeExceptionally(new IllegalStateException("handshake timed out"));
			}
			super.userEventTriggered(context, event);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
			if (!(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)) {
				return;
			}
			long now = System.nanoTime();
			ByteBuf content = frame.content();
			ByteBuffer bytes = content.nioBuffer(content.readerIndex(), content.readableBytes());
			for (Message<byte[]> message : this.decoder.decode(bytes)) {
				read(context, message, now);
			}
		}

		private void read(ChannelHandlerContext context, Message<byte[]> message, long now) {
			StompHeaderAccessor headers = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
			if (headers == null) {
				headers = StompHeaderAccessor.wrap(message);
			}
			StompCommand command = headers.getCommand();
			if (command == StompCommand.MESSAGE) {
				String subscription = headers.getSubscriptionId();
				if (subscription != null) {
					this.frames.shown(Integer.parseInt(subscription), message.getPayload(), now);
				}
			}
			else if (command == StompCommand.CONNECTED) {
				connected(context, headers);
			}
			else if (command == StompCommand.RECEIPT) {
				this.subscribed.complete(this);
			}
			else if (command == StompCommand.ERROR) {
				this.problems.accept("ERROR frame: " + headers.getMessage());
			}
		}

		private void connected(ChannelHandlerContext context, StompHeaderAccessor headers) {
			for (int index = 0; index < this.destinations.size(); index++) {
				StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
				subscribe.setDestination(this.destinations.get(index));
				subscribe.setSubscriptionId(Integer.toString(index));
				if (this.receipt && index == this.destinations.size() - 1) {
					subscribe.setReceipt("subscribed");
				}
				write(context.channel(), subscribe, new byte[0]);
			}
			long[] beats = headers.getHeartbeat();
			if (beats.length == 2 && beats[1] > 0) {
				// the server wants to hear from the client this often
				long every = Math.max(HEARTBEAT_MILLIS, beats[1]);
				this.heartbeat = context.executor()
					.scheduleAtFixedRate(
							() -> context
								.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(new byte[] { '\n' }))),
							every, every, TimeUnit.MILLISECONDS);
			}
			this.connected = true;
			if (!this.receipt) {
				this.subscribed.complete(this);
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) throws Exception {
			this.connected = false;
			if (this.heartbeat != null) {
				this.heartbeat.cancel(false);
			}
			if (!this.subscribed.isDone()) {
				this.subscribed.completeExceptionally(new IllegalStateException("closed before CONNECTED"));
			}
			super.channelInactive(context);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			this.problems.accept("transport " + cause.getClass().getSimpleName());
			if (!this.subscribed.isDone()) {
				this.subscribed.completeExceptionally(cause);
			}
			context.close();
		}

		private static void write(Channel channel, StompHeaderAccessor headers, byte[] body) {
			byte[] frame = ENCODER.encode(headers.getMessageHeaders(), body);
			channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame)));
		}

	}

	/** What a client does with the MESSAGE frames it is shown. */
	@FunctionalInterface
	interface Frames {

		/**
		 * @param subscription the index of the frame's destination
		 * @param body the frame's body
		 * @param readAt when its WebSocket message was read ({@link System#nanoTime()})
		 */
		void shown(int subscription, byte[] body, long readAt);

	}

}
