package org.kinship;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Every log line of the test JVM, kept as the text a log file would hold (message,
 * exception messages and stack frames, MDC), for {@link LogScan}. Named in
 * {@code logback-test.xml}; Spring Boot configures Logback again for every context it
 * starts, making a new appender each time, so the lines are kept in one list for the JVM.
 */
public final class RecordedLog extends AppenderBase<ILoggingEvent> {

	private static final List<String> LINES = new ArrayList<>();

	@Override
	protected void append(ILoggingEvent event) {
		StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
		event.getMDCPropertyMap().forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
		for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
			line.append('\n').append(thrown.getClassName()).append(": ").append(thrown.getMessage());
			for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
				line.append("\n\tat ").append(frame.getSTEAsString());
			}
		}
		synchronized (LINES) {
			LINES.add(line.toString());
		}
	}

	/**
	 * How many lines have been logged so far: a mark to read from.
	 * @return the count
	 */
	public static int mark() {
		synchronized (LINES) {
			return LINES.size();
		}
	}

	/**
	 * The lines logged since a mark.
	 * @param mark from {@link #mark()}
	 * @return those lines
	 */
	public static List<String> since(int mark) {
		synchronized (LINES) {
			return List.copyOf(LINES.subList(Math.min(mark, LINES.size()), LINES.size()));
		}
	}

	/**
	 * Forgets the lines logged since a mark: for the scanner's own test, whose deliberate
	 * line must not fail it.
	 * @param mark from {@link #mark()}
	 */
	public static void forgetSince(int mark) {
		synchronized (LINES) {
			LINES.subList(Math.min(mark, LINES.size()), LINES.size()).clear();
		}
	}

}
