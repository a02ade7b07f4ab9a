package org.kinship.load;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a load run does, from the command line ({@code --name value}).
 *
 * @param sandboxUrl the sandbox EHR that launches the members
 * @param kinshipUrl the Kinship node under load
 * @param bareUrl a bare STOMP broker to compare with at saturation, or {@code null}
 * @param clients how many STOMP clients, each with a launch session of its own
 * @param groups how many groups the clients are spread over
 * @param rate messages per second, all clients together
 * @param seconds how long the timed run sends
 * @param warmupSeconds how long the same load runs, unmeasured, before the timed run, so
 * that the servers' code is compiled by then rather than during it
 * @param launchThreads launches and joins made at once while setting up
 * @param drainSeconds how long to wait for late deliveries after the last send
 * @param saturationSeconds how long saturation is measured, after as long again to warm
 * up
 * @param senders messages in flight at saturation, each sender waiting for its
 * acknowledgement before it sends again
 * @param heapProbe a shell command that prints the server's heap in use after a GC, in
 * KB, or {@code null} to skip the heap figure
 * @param kinshipPid Kinship's process, for its share of the processors, or {@code -1}
 * @param barePid the bare broker's process, or {@code -1}
 */
record Settings(String sandboxUrl, String kinshipUrl, @Nullable String bareUrl, int clients, int groups, int rate,
		int seconds, int warmupSeconds, int launchThreads, int drainSeconds, int saturationSeconds, int senders,
		@Nullable String heapProbe, long kinshipPid, long barePid) {

	static final String USAGE = """
			usage: chat-load --sandbox URL --kinship URL [--bare URL] --clients N --groups G --rate R --seconds T
			                 [--warmup-seconds 90] [--launch-threads 16] [--drain-seconds 15] [--saturation-seconds 10]
			                 [--senders 4*G] [--heap-probe COMMAND] [--kinship-pid PID] [--bare-pid PID]
			       chat-load bare-broker [--server.port=P]""";

	static Settings parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException(USAGE);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		int groups = number(options, "groups", 10);
		Settings settings = new Settings(required(options, "sandbox"), required(options, "kinship"),
				options.get("bare"), number(options, "clients", 50), groups, number(options, "rate", 20),
				number(options, "seconds", 10), number(options, "warmup-seconds", 90),
				number(options, "launch-threads", 16), number(options, "drain-seconds", 15),
				number(options, "saturation-seconds", 10), number(options, "senders", 4 * groups),
				options.get("heap-probe"), number(options, "kinship-pid", -1), number(options, "bare-pid", -1));
		if (settings.clients() < settings.groups() || settings.groups() < 1 || settings.rate() < 1) {
			throw new IllegalArgumentException("at least one client per group, one group and one message a second");
		}
		return settings;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
		}
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	private static int number(Map<String, String> options, String name, int fallback) {
		return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
	}

}
