package org.kinship.e2e;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.kinship.sandbox.SandboxEhrApplication;
import org.kinship.Ports;
import org.kinship.KinshipApplication;
import org.kinship.MariaDbTestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Kinship nodes on one MariaDB database and one Redis of their own, with a sandbox
 * EHR that launches into either: what a hospital runs behind a load balancer. Sessions
 * are shared through that Redis, sealed under one key, so a member launched into one node
 * is served by either. Redis keeps what it holds on disk (append-only file), as a
 * deployment's does, so sessions outlive its restart.
 */
final class KinshipCluster implements AutoCloseable {

	/** The client id of both nodes behind a load balancer. */
	private static final String FRONT_CLIENT = "kinship-front";

	private final RedisServer redis;

	private final ConfigurableApplicationContext sandbox;

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	private final int sandboxPort;

	private final int[] nodePorts;

	private final String clientKey;

	private final String sessionKey = sessionKey();

	private final int frontPort;

	private KinshipCluster(RedisServer redis, ConfigurableApplicationContext sandbox, int sandboxPort, int[] nodePorts,
			String clientKey, int frontPort) {
		this.redis = redis;
		this.sandbox = sandbox;
		this.sandboxPort = sandboxPort;
		this.nodePorts = nodePorts;
		this.clientKey = clientKey;
		this.frontPort = frontPort;
	}

	static KinshipCluster start() throws Exception {
		return start(-1);
	}

	/**
	 * Starts the cluster to be reached through a load balancer on the given port: the EHR
	 * knows Kinship by that address only, and both nodes by one client id, so that any
	 * node serves any step of a launch, as in a deployment.
	 * @param frontPort the load balancer's port
	 * @return the cluster
	 */
	static KinshipCluster behindLoadBalancer(int frontPort) throws Exception {
		return start(frontPort);
	}

	private static KinshipCluster start(int frontPort) throws Exception {
		RedisServer redis = RedisServer.start(Ports.free());
		int sandboxPort = Ports.free();
		int[] nodePorts = { Ports.free(), Ports.free() };
		List<String> sandboxArgs = new ArrayList<>(List.of("--server.port=" + sandboxPort));
		sandboxArgs.addAll(client(0, "kinship-portal", nodePorts[0]));
		sandboxArgs.addAll(client(1, "kinship-node-b", nodePorts[1]));
		if (frontPort >= 0) {
			sandboxArgs.addAll(client(2, FRONT_CLIENT, frontPort));
		}
		ConfigurableApplicationContext sandbox = SandboxEhrApplication.builder()
			.run(sandboxArgs.toArray(String[]::new));
		KinshipCluster cluster = new KinshipCluster(redis, sandbox, sandboxPort, nodePorts, clientKey(), frontPort);
		cluster.nodes.add(cluster.node(0));
		cluster.nodes.add(cluster.node(1));
		cluster.awaitNodesSubscribed();
		return cluster;
	}

	/**
	 * Starts a stopped node again on its port, so that a test that stopped one leaves the
	 * cluster as it found it for the tests after it, whatever their order.
	 * @param node the node
	 */
	void restartNode(int node) throws IOException, InterruptedException {
		if (!this.nodes.get(node).isActive()) {
			this.nodes.set(node, node(node));
			awaitNodesSubscribed();
		}
	}

	private void awaitNodesSubscribed() throws IOException, InterruptedException {
		// each node subscribes to the channel in the background after it starts; a
		// message published before then is caught up, not delivered live
		this.redis.awaitSubscribers("kinship:chat", this.nodes.size());
	}

	String sandboxUrl() {
		return "http://localhost:" + this.sandboxPort;
	}

	String nodeUrl(int node) {
		return "http://localhost:" + this.nodePorts[node];
	}

	/**
	 * The sandbox's client id for each node: a launch goes to the node it names, or,
	 * behind a load balancer, to the load balancer.
	 */
	String clientOf(int node) {
		if (this.frontPort >= 0) {
			return FRONT_CLIENT;
		}
		return (node == 0) ? "kinship-portal" : "kinship-node-b";
	}

	int nodePort(int node) {
		return this.nodePorts[node];
	}

	/**
	 * The STOMP sockets open on a node now, as its {@code kinship.sockets.open} gauge
	 * counts them.
	 * @param node the node
	 * @return the sockets
	 */
	int openSockets(int node) {
		return (int) this.nodes.get(node)
			.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.get("kinship.sockets.open")
			.gauge()
			.value();
	}

	RedisServer redis() {
		return this.redis;
	}

	/** Stops a node as an orchestrator would, with its open sockets dropped. */
	void stopNode(int node) {
		this.nodes.get(node).close();
	}

	@Override
	public void close() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
		this.sandbox.close();
		this.redis.stop();
	}

	private ConfigurableApplicationContext node(int index) {
		return new SpringApplicationBuilder(KinshipApplication.class).run("--server.port=" + this.nodePorts[index],
				// Actuator on a random port of each node's own
				"--management.server.port=0", "--spring.profiles.active=demo",
				"--kinship.launch.issuers.sandbox.fhir-base-url=" + sandboxUrl() + "/fhir",
				"--kinship.launch.issuers.sandbox.client-id=" + clientOf(index),
				"--kinship.launch.client-key=" + this.clientKey, "--spring.datasource.url=" + MariaDbTestDatabase.url(),
				"--spring.datasource.username=" + MariaDbTestDatabase.user(),
				"--spring.datasource.password=" + MariaDbTestDatabase.password(),
				"--kinship.realtime.redis-fanout=true", "--kinship.realtime.node-id=node-" + index,
				// a node leaves a group's channel a second after its last page left, so
				// that a test sees it leave without waiting out the default
				"--kinship.realtime.topic-linger=PT1S",
				// one session store for both nodes, one key to seal it
				"--kinship.session.store=redis", "--kinship.session.key=" + this.sessionKey,
				"--spring.data.redis.url=redis://127.0.0.1:" + this.redis.port(),
				// Kinship's one second is for a node in service; two nodes and a sandbox
				// starting together on a busy machine may take longer to say hello, and
				// Lettuce bounds the hello by the command timeout as well
				"--spring.data.redis.connect-timeout=PT30S", "--spring.data.redis.timeout=PT10S",
				// streams of sends from new members: neither the rate limit nor the
				// review of first posts is what is tested here
				"--kinship.chat.rate-limit-messages=100000", "--kinship.moderation.new-member-posts=0");
	}

	private static List<String> client(int index, String clientId, int port) {
		String prefix = "--sandbox.clients[" + index + "].";
		String base = "http://localhost:" + port;
		return List.of(prefix + "client-id=" + clientId, prefix + "name=Kinship node " + index,
				prefix + "authentication=private_key_jwt", prefix + "jwk-set-url=" + base + "/.well-known/jwks.json",
				prefix + "redirect-uris=" + base + "/login/oauth2/code/sandbox",
				prefix + "launch-url=" + base + "/launch");
	}

	private static String sessionKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return java.util.Base64.getEncoder().encodeToString(key);
	}

	private static String clientKey() throws JOSEException {
		return new RSAKeyGenerator(2048).keyID("kinship-cluster")
			.algorithm(com.nimbusds.jose.JWSAlgorithm.RS384)
			.generate()
			.toJSONString();
	}

	/** A Redis server of the cluster's own, so that it can be stopped and started. */
	static final class RedisServer {

		/**
		 * A ceiling for Redis and the nodes to answer, reached only when they never do.
		 */
		private static final Duration PATIENCE = Duration.ofSeconds(60);

		private final int port;

		private Process process;

		private RedisServer(int port) {
			this.port = port;
		}

		static RedisServer start(int port) throws IOException, InterruptedException {
			RedisServer server = new RedisServer(port);
			server.startProcess();
			return server;
		}

		int port() {
			return this.port;
		}

		void stop() {
			this.process.destroy();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void restart() throws IOException, InterruptedException {
			startProcess();
		}

		/**
		 * Waits until a channel has as many subscribers as asked.
		 * @param channel the channel
		 * @param count the subscribers
		 */
		void awaitSubscribers(String channel, int count) throws IOException, InterruptedException {
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (System.nanoTime() < deadline) {
				if (subscribers(channel) >= count) {
					return;
				}
				Thread.sleep(100);
			}
			throw new IllegalStateException("Fewer than " + count + " nodes subscribed to " + channel);
		}

		/**
		 * Waits until a channel has exactly as many subscribers as asked.
		 * @param channel the channel
		 * @param count the subscribers
		 */
		void awaitExactly(String channel, int count) throws IOException, InterruptedException {
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			int seen = -1;
			while (System.nanoTime() < deadline) {
				seen = subscribers(channel);
				if (seen == count) {
					return;
				}
				Thread.sleep(100);
			}
			throw new AssertionError(channel + " had " + seen + " subscribers, not " + count);
		}

		/**
		 * How many clients, here nodes, are subscribed to a channel now.
		 * @param channel the channel
		 * @return the count Redis gives
		 */
		int subscribers(String channel) throws IOException {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				socket.getOutputStream()
					.write(("PUBSUB NUMSUB " + channel + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
				var reply = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
						java.nio.charset.StandardCharsets.US_ASCII));
				// *2, $length, the channel, :count
				for (int line = 0; line < 3; line++) {
					reply.readLine();
				}
				return Integer.parseInt(reply.readLine().substring(1));
			}
		}

		private void startProcess() throws IOException, InterruptedException {
			File dir = new File("target/redis-" + this.port);
			dir.mkdirs();
			// persistence as in a deployment, so that sessions outlive a restart;
			// keyspace
			// events set here too, since a CONFIG SET made by a node does not outlive it
			this.process = new ProcessBuilder("redis-server", "--port", String.valueOf(this.port), "--bind",
					"127.0.0.1", "--dir", dir.getAbsolutePath(), "--save", "", "--appendonly", "yes", "--appendfsync",
					"always", "--notify-keyspace-events", "Egx")
				.redirectOutput(new File("target/redis-" + this.port + ".log"))
				.redirectErrorStream(true)
				.start();
			// an open port is not yet a server that answers: nodes start only once it
			// does, so that their first connection is not spent waiting for it
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (System.nanoTime() < deadline) {
				if (answersPing()) {
					return;
				}
				Thread.sleep(100);
			}
			throw new IllegalStateException("redis-server did not start on " + this.port);
		}

		private boolean answersPing() {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
				var reply = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
						java.nio.charset.StandardCharsets.US_ASCII));
				return "+PONG".equals(reply.readLine());
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
