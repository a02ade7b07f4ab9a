package org.kinship;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when a line logged while it ran carries a session id, a token, a
 * patient's name or a condition ({@link LogSecrets}). Registered for every test class of
 * the JVM through the JUnit service loader ({@code junit-platform.properties} turns
 * detection on), in this module and in every module that has its test jar.
 */
public final class LogScan implements BeforeAllCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace SCAN = ExtensionContext.Namespace.create(LogScan.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(SCAN).put("mark", RecordedLog.mark());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Integer mark = context.getStore(SCAN).get("mark", Integer.class);
		List<String> findings = findings((mark != null) ? mark : 0);
		if (!findings.isEmpty()) {
			throw new AssertionError(findings.size() + " log line(s) written while " + context.getDisplayName()
					+ " ran give away what no log may hold:\n" + String.join("\n", findings));
		}
	}

	/**
	 * The lines logged since a mark that give something away, each named by where it was
	 * logged and what it gives away, never quoted.
	 * @param mark from {@link RecordedLog#mark()}
	 * @return the findings, empty when the log is clean
	 */
	static List<String> findings(int mark) {
		List<String> findings = new ArrayList<>();
		for (String line : RecordedLog.since(mark)) {
			String found = LogSecrets.foundIn(line);
			if (found != null) {
				findings.add("  a line of " + line.substring(0, Math.max(0, line.indexOf(' '))) + " carries " + found);
			}
		}
		return findings;
	}

}
