package org.kinship.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The server's heap in use after a full GC, as a command of the benchmark script reports
 * it (the script owns the server's process and runs {@code jcmd} on it).
 */
final class HeapProbe {

	private final @Nullable String command;

	HeapProbe(@Nullable String command) {
		this.command = command;
	}

	/**
	 * Runs the command.
	 * @return KB in use, or {@code -1} without a command or when it fails
	 */
	long usedKb() throws InterruptedException {
		if (this.command == null) {
			return -1;
		}
		try {
			Process process = new ProcessBuilder("bash", "-c", this.command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (process.waitFor() != 0 || output.isEmpty()) {
				System.err.println("heap probe failed: " + output);
				return -1;
			}
			String[] lines = output.split("\n");
			return Long.parseLong(lines[lines.length - 1].strip());
		}
		catch (IOException | NumberFormatException ex) {
			System.err.println("heap probe failed: " + ex.getMessage());
			return -1;
		}
	}

}
