package org.kinship;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log scan that every test class runs under finds what it is there to find, without
 * repeating it. Each test forgets its deliberate line afterwards, so that its own class
 * passes the scan.
 */
class LogScanTests {

	private static final Logger log = LoggerFactory.getLogger(LogScanTests.class);

	private final int mark = RecordedLog.mark();

	@AfterEach
	void forgetTheDeliberateLines() {
		RecordedLog.forgetSince(this.mark);
	}

	@Test
	void findsASessionIdLearnedWhileTheTestsRan() {
		String sessionId = UUID.randomUUID().toString().toUpperCase();
		LogSecrets.add(sessionId);

		log.info("Closing session {} after a transport error", sessionId);

		assertThat(LogScan.findings(this.mark)).singleElement()
			.asString()
			.contains("org.kinship.LogScanTests")
			.doesNotContain(sessionId);
	}

	@Test
	void findsAFixturesConditionInAnExceptionsMessage() {
		log.warn("A record could not be mapped",
				new IllegalStateException("Chronic congestive heart failure (disorder)"));

		assertThat(LogScan.findings(this.mark)).hasSize(1);
	}

	@Test
	void findsATokenItWasNeverTold() {
		log.info("Token eyJhbGciOiJSUzM4NCJ9.eyJzdWIiOiJtYXJpYS1zYW50b3MifQ.c2lnbmF0dXJl refreshed");

		assertThat(LogScan.findings(this.mark)).singleElement().asString().contains("a JSON Web Token");
	}

	@Test
	void passesALineThatGivesNothingAway() {
		log.info("A frame could not be handled (java.lang.IllegalStateException)");

		assertThat(LogScan.findings(this.mark)).isEmpty();
	}

}
