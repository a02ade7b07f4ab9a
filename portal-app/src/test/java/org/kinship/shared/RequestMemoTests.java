package org.kinship.shared;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMemoTests {

	private final AtomicInteger reads = new AtomicInteger();

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aPageReadsOnceForEveryPartThatAsks() {
		serving("GET");
		assertThat(seat("group 7")).contains("seat 1");
		assertThat(seat("group 7")).contains("seat 1");
		assertThat(seat("group 8")).contains("seat 2");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void anEmptyAnswerIsKeptToo() {
		serving("HEAD");
		assertThat(RequestMemo.once("none", this::nothing)).isNull();
		assertThat(RequestMemo.once("none", this::nothing)).isNull();
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void aFormSentReadsAfreshEveryTimeSoThatItsOwnChangesAreSeen() {
		serving("POST");
		seat("group 7");
		seat("group 7");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void outsideARequestEveryCallReads() {
		seat("group 7");
		seat("group 7");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void eachRequestReadsForItself() {
		serving("GET");
		seat("group 7");
		serving("GET");
		assertThat(seat("group 7")).contains("seat 2");
	}

	private Optional<String> seat(String key) {
		return RequestMemo.once(key, () -> Optional.of("seat " + this.reads.incrementAndGet()));
	}

	private String nothing() {
		this.reads.incrementAndGet();
		return null;
	}

	private static void serving(String method) {
		RequestContextHolder
			.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(method, "/")));
	}

}
