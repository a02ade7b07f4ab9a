package org.kinship.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's nginx in front of two Kinship nodes, run with the configuration that compose
 * and {@code deploy/cluster} use ({@code deploy/nginx/kinship.conf}), its ports changed
 * to the test's: round robin, no sticky sessions, the WebSocket upgrade on {@code /ws}.
 * Runs from a folder of its own under {@code target/}, not as the system's service.
 */
final class Nginx implements AutoCloseable {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final int port;

	private final int[] nodePorts;

	private final Path dir;

	private Process process;

	private int generation;

	private Nginx(int port, int[] nodePorts, Path dir) {
		this.port = port;
		this.nodePorts = nodePorts;
		this.dir = dir;
	}

	/**
	 * Starts nginx and waits until it answers.
	 * @param port where it listens
	 * @param nodePorts the two nodes' ports
	 * @return nginx, running
	 */
	static Nginx start(int port, int... nodePorts) throws IOException, InterruptedException {
		File binary = new File("/usr/sbin/nginx");
		if (!binary.canExecute()) {
			throw new IllegalStateException("nginx is not installed: deploy/services installs it");
		}
		Path dir = Path.of("target", "nginx-" + port).toAbsolutePath();
		Files.createDirectories(dir.resolve("logs"));
		Nginx nginx = new Nginx(port, nodePorts, dir);
		nginx.write(-1);
		nginx.process = new ProcessBuilder(binary.getPath(), "-p", dir.toString(), "-c", "nginx.conf", "-g",
				"daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("logs/nginx.out").toFile())
			.start();
		nginx.awaitGeneration(0);
		return nginx;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	/**
	 * Takes a node out of the rotation ({@code down}), as an operator does before its
	 * maintenance: sockets already open through it stay open, new requests go to the
	 * other. Returns once nginx serves with the new configuration.
	 * @param node the node's index
	 */
	void takeOut(int node) throws IOException, InterruptedException {
		this.generation++;
		write(node);
		Process reload = new ProcessBuilder("/usr/sbin/nginx", "-p", this.dir.toString(), "-c", "nginx.conf", "-s",
				"reload")
			.redirectErrorStream(true)
			.start();
		reload.waitFor();
		awaitGeneration(this.generation);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Writes the main configuration around Kinship's, with every server of the upstream
	 * on the test's ports, one of them {@code down}, or none.
	 */
	private void write(int down) throws IOException {
		Path shipped = repositoryFile("deploy/nginx/kinship.conf");
		String kinship = Files.readString(shipped)
			.replace("listen 8080;", "listen 127.0.0.1:" + this.port + ";")
			.replace("server 127.0.0.1:8081 ", server(0, down))
			.replace("server 127.0.0.1:8082 ", server(1, down));
		Files.writeString(this.dir.resolve("kinship.conf"), kinship);
		Files.writeString(this.dir.resolve("nginx.conf"), """
				pid %1$s/nginx.pid;
				error_log %1$s/logs/error.log warn;
				events {
				    worker_connections 1024;
				}
				http {
				    access_log off;
				    client_body_temp_path %1$s/body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				    # which configuration answers, so that a test knows a reload has taken
				    add_header X-Configuration %2$d always;
				    include %1$s/kinship.conf;
				}
				""".formatted(this.dir, this.generation));
	}

	private String server(int node, int down) {
		return "server 127.0.0.1:" + this.nodePorts[node] + ((node == down) ? " down " : " ");
	}

	private void awaitGeneration(int expected) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/nginx-health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (health.headers()
					.firstValue("X-Configuration")
					.filter(Integer.toString(expected)::equals)
					.isPresent()) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("nginx did not answer with configuration " + expected + "; see " + this.dir);
	}

	private static Path repositoryFile(String relative) {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve(relative))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
		}
		return dir.resolve(relative);
	}

}
