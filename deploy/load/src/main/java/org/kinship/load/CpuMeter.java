package org.kinship.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's processors went during a phase: the server, this load generator,
 * and everything else (a build next door shows there), read from Linux's {@code /proc} in
 * clock ticks. Reads nothing elsewhere.
 */
final class CpuMeter {

	private static final double TICKS_PER_SECOND = 100;

	private final long serverPid;

	/**
	 * @param serverPid the server's process, or {@code -1} when not known
	 */
	CpuMeter(long serverPid) {
		this.serverPid = serverPid;
	}

	Reading read() {
		return new Reading(System.nanoTime(), machineBusyTicks(), processTicks("self"),
				(this.serverPid > 0) ? processTicks(Long.toString(this.serverPid)) : -1);
	}

	/**
	 * Processor use since an earlier reading, in percent of one processor.
	 * @param start the earlier reading
	 * @param server what the server is called in the report
	 * @return one line, empty when {@code /proc} could not be read
	 */
	String since(Reading start, String server) {
		Reading end = read();
		if (start.machine() < 0 || end.machine() < 0) {
			return "";
		}
		double seconds = (end.nanos() - start.nanos()) / 1e9;
		double machine = percent(end.machine() - start.machine(), seconds);
		double self = percent(end.self() - start.self(), seconds);
		double serverShare = (start.server() < 0 || end.server() < 0) ? 0
				: percent(end.server() - start.server(), seconds);
		return String.format(Locale.ROOT,
				"processors over %.0f s, in %% of one (%d here): %s %.0f%%, load generator %.0f%%, "
						+ "everything else %.0f%%",
				seconds, Runtime.getRuntime().availableProcessors(), server, serverShare, self,
				Math.max(0, machine - self - serverShare));
	}

	private static double percent(long ticks, double seconds) {
		return 100 * ticks / TICKS_PER_SECOND / seconds;
	}

	private static long machineBusyTicks() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int field = 1; field < cpu.length && field <= 8; field++) {
				// idle (4) and iowait (5) are not work
				busy += (field == 4 || field == 5) ? 0 : Long.parseLong(cpu[field]);
			}
			return busy;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long processTicks(String pid) {
		try {
			String stat = Files.readString(Path.of("/proc", pid, "stat"));
			// fields after the command name, which is in parentheses and may hold spaces
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Counters at one moment.
	 *
	 * @param nanos when
	 * @param machine busy ticks of all processors
	 * @param self this process's ticks
	 * @param server the server's ticks, or {@code -1}
	 */
	record Reading(long nanos, long machine, long self, long server) {
	}

}
