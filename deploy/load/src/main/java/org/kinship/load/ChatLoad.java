package org.kinship.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.load.Phases.Saturation;
import org.kinship.load.bare.BareBroker;

/**
 * The chat benchmark's load generator. Sets everything up before the timed part (launch
 * sessions, groups, seats), measures the server's heap before and after the clients
 * connect, sends at the given rate, and with a bare broker compares delivered messages
 * per second at saturation. Prints its figures and, last, one line of JSON.
 * <p>
 * {@code bare-broker} as the first argument starts the bare broker instead,
 * {@code screening} runs the screening benchmark ({@link ScreeningBenchmark}),
 * {@code escalation} the escalation benchmark ({@link EscalationBenchmark}),
 * {@code broadcast} the broadcast benchmark ({@link BroadcastBenchmark}) and
 * {@code capacity} the capacity benchmark ({@link CapacityBenchmark}).
 */
public final class ChatLoad {

	private final Settings settings;

	private ChatLoad(Settings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && "bare-broker".equals(args[0])) {
			BareBroker.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && "escalation".equals(args[0])) {
			EscalationBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
			System.exit(0);
			return;
		}
		if (args.length > 0 && "broadcast".equals(args[0])) {
			BroadcastBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
			System.exit(0);
			return;
		}
		if (args.length > 0 && "capacity".equals(args[0])) {
			CapacityBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
			System.exit(0);
			return;
		}
		if (args.length > 0 && "screening".equals(args[0])) {
			ScreeningBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		Settings settings;
		try {
			settings = Settings.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		new ChatLoad(settings).run();
		System.exit(0);
	}

	private void run() throws Exception {
		Cast cast = Cast.assemble(this.settings);
		HeapProbe heap = new HeapProbe(this.settings.heapProbe());
		long heapBefore = heap.usedKb();
		Fleet fleet = new Fleet(cast.groupIds(), this.settings.clients());
		int connected = fleet.connect(socketUrl(this.settings.kinshipUrl()),
				cast.sessions().stream().map(Browser::cookieHeader).toList());
		int subscribed = Phases.awaitSubscribed(fleet);
		long heapAfter = heap.usedKb();
		System.out.printf("Kinship: %d of %d clients connected, %d following their group, %d personas, %d groups%n",
				connected, this.settings.clients(), subscribed, cast.personas(), this.settings.groups());
		Double heapPerConnection = (heapBefore < 0 || heapAfter < 0 || connected == 0) ? null
				: (heapAfter - heapBefore) / (double) connected;
		System.out.printf("heap after GC: %d KB before the clients connected, %d KB after: %s KB per connection%n",
				heapBefore, heapAfter, json(heapPerConnection, 1));
		report(fleet);
		warmUp("Kinship", fleet);
		CpuMeter cpu = new CpuMeter(this.settings.kinshipPid());
		CpuMeter.Reading start = cpu.read();
		Figures timed = Phases.timed("run", fleet, this.settings.rate(), this.settings.seconds(),
				this.settings.drainSeconds());
		System.out.printf("timed run, %d messages/s for %d s:%n%s%n%s%n", this.settings.rate(), this.settings.seconds(),
				timed.describe(), cpu.since(start, "Kinship"));
		report(fleet);
		Double ratio = (this.settings.bareUrl() != null) ? baseline(fleet, cast) : null;
		fleet.close();
		System.out.println(json(timed, subscribed, heapPerConnection, ratio));
	}

	private double baseline(Fleet kinship, Cast cast) throws Exception {
		Saturation ours = saturate("Kinship", kinship, this.settings.kinshipPid());
		kinship.close();
		long[] groupIds = new long[cast.groupIds().length];
		Arrays.setAll(groupIds, (group) -> group + 1);
		try (Fleet bare = new Fleet(groupIds, this.settings.clients())) {
			int connected = bare.connect(socketUrl(this.settings.bareUrl()), null);
			int subscribed = Phases.awaitSubscribed(bare);
			System.out.printf("bare broker: %d clients connected, %d following their group%n", connected, subscribed);
			// the same timed run against the bare broker: what this machine allows at the
			// offered rate, with nothing stored and nothing checked
			warmUp("bare broker", bare);
			Figures timed = Phases.timed("run", bare, this.settings.rate(), this.settings.seconds(),
					this.settings.drainSeconds());
			System.out.printf("bare broker, timed run, %d messages/s for %d s:%n%s%n", this.settings.rate(),
					this.settings.seconds(), timed.describe());
			report(bare);
			Saturation theirs = saturate("bare broker", bare, this.settings.barePid());
			double ratio = ours.deliveriesPerSecond() / theirs.deliveriesPerSecond();
			System.out.printf(Locale.ROOT, "delivered messages per second at saturation, Kinship / bare broker: %.2f%n",
					ratio);
			return ratio;
		}
	}

	/**
	 * The timed run's load, unmeasured: a server that has just started compiles its code
	 * while the first thousands of messages pass, and would be timed doing so.
	 */
	private void warmUp(String server, Fleet fleet) throws InterruptedException {
		if (this.settings.warmupSeconds() <= 0) {
			return;
		}
		Figures warm = Phases.timed("warm", fleet, this.settings.rate(), this.settings.warmupSeconds(),
				this.settings.drainSeconds());
		System.out.printf("%s, warm-up at %d messages/s for %d s (not counted):%n%s%n", server, this.settings.rate(),
				this.settings.warmupSeconds(), warm.describe());
		report(fleet);
	}

	private Saturation saturate(String server, Fleet fleet, long pid) throws InterruptedException {
		CpuMeter cpu = new CpuMeter(pid);
		CpuMeter.Reading start = cpu.read();
		Saturation saturation = Phases.saturate(fleet, this.settings.senders(), this.settings.saturationSeconds(),
				this.settings.drainSeconds());
		System.out.printf(Locale.ROOT,
				"%s at saturation, %d senders each waiting for its acknowledgement: %.0f deliveries/s, "
						+ "%.0f messages/s%n%s%n%s%n",
				server, saturation.senders(), saturation.deliveriesPerSecond(), saturation.messagesPerSecond(),
				saturation.figures().describe(), cpu.since(start, server));
		report(fleet);
		return saturation;
	}

	private static void report(Fleet fleet) {
		List<String> problems = fleet.takeProblems();
		problems.stream().limit(10).forEach((problem) -> System.out.println("  problem: " + problem));
	}

	private static String socketUrl(@Nullable String httpUrl) {
		return String.valueOf(httpUrl).replaceFirst("^http", "ws") + "/ws";
	}

	private String json(Figures timed, int clients, @Nullable Double heapPerConnection, @Nullable Double ratio) {
		return String.format(Locale.ROOT,
				"{\"clients\":%d,\"groups\":%d,\"sent\":%d,\"delivered\":%d,\"expected\":%d,\"lost\":%d,"
						+ "\"duplicates\":%d,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f,"
						+ "\"heap_per_conn_kb\":%s,\"baseline_ratio\":%s}",
				clients, this.settings.groups(), timed.sent(), timed.delivered(), timed.expected(), timed.lost(),
				timed.duplicates(), timed.p50Millis(), timed.p99Millis(), timed.maxMillis(), json(heapPerConnection, 1),
				json(ratio, 2));
	}

	private static String json(@Nullable Double value, int decimals) {
		return (value == null) ? "null" : String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

}
