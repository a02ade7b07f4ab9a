package org.kinship;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the servers a test starts. A port the kernel hands out for {@code bind(0)}
 * comes from the ephemeral range, the same range every outgoing connection on the machine
 * takes its local port from: between choosing it and the server binding it (a cluster
 * takes a minute to start) a database, Redis or HTTP client connection can take it, and
 * the server fails to start. These ports come from below that range, in turn from a
 * random start, each checked free on every address before it is handed out.
 */
public final class Ports {

	private static final int LOWEST = 15000;

	private static final int BELOW_EPHEMERAL = ephemeralStart();

	private static final AtomicInteger next = new AtomicInteger(
			LOWEST + ThreadLocalRandom.current().nextInt(Math.max(1, BELOW_EPHEMERAL - LOWEST)));

	private Ports() {
	}

	/**
	 * A port no server listens on, outside the range outgoing connections use.
	 * @return the port
	 */
	public static int free() {
		for (int tried = 0; tried < BELOW_EPHEMERAL - LOWEST; tried++) {
			int port = next.getAndUpdate((current) -> (current + 1 < BELOW_EPHEMERAL) ? current + 1 : LOWEST);
			if (bindable(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
	}

	private static boolean bindable(int port) {
		try (ServerSocket any = new ServerSocket(); ServerSocket loopback = new ServerSocket()) {
			any.bind(new InetSocketAddress(port), 1);
			any.close();
			loopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The first port of the kernel's ephemeral range (Linux), 32768 where unknown. */
	private static int ephemeralStart() {
		try {
			String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
			int start = Integer.parseInt(range.split("\\s+")[0]);
			return (start - LOWEST >= 1000) ? start : 32768;
		}
		catch (IOException | RuntimeException ex) {
			return 32768;
		}
	}

}
