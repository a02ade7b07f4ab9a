package org.kinship.careplan.internal;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.InvalidResponseException;
import ca.uhn.fhir.rest.client.exceptions.NonFhirResponseException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.task.AsyncTaskExecutor;

/**
 * One wave of searches made at once, all awaited against one deadline. Each search runs
 * on the shared executor with the request's logging context, so that its audit entries
 * carry the request's correlation id. A search that fails becomes a part that says why;
 * only a 401 is thrown on, so that the caller can renew the token and try the whole wave
 * again.
 */
final class ParallelReads {

	private static final Logger logger = LoggerFactory.getLogger(ParallelReads.class);

	private final AsyncTaskExecutor executor;

	private final long deadline;

	private final @Nullable Map<String, String> logContext = MDC.getCopyOfContextMap();

	ParallelReads(AsyncTaskExecutor executor, Duration wait) {
		this.executor = executor;
		this.deadline = System.nanoTime() + wait.toNanos();
	}

	<T> Future<T> start(Callable<T> read) {
		try {
			return this.executor.submit(() -> withLogContext(read));
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	<T extends Serializable> Section<T> await(Future<Section<T>> read) {
		try {
			return read.get(Math.max(0, this.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			read.cancel(true);
			return Section.missing(SectionStatus.SLOW);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Section.missing(SectionStatus.SLOW);
		}
		catch (ExecutionException ex) {
			return Section.missing(statusFor(ex.getCause()));
		}
	}

	static SectionStatus statusFor(Throwable failure) {
		if (failure instanceof AuthenticationException unauthorized) {
			throw unauthorized;
		}
		if (failure instanceof ForbiddenOperationException) {
			return SectionStatus.NOT_GRANTED;
		}
		if (unreadable(failure)) {
			return SectionStatus.UNREADABLE;
		}
		if (failure instanceof BaseServerResponseException || failure instanceof RejectedExecutionException) {
			return SectionStatus.UNAVAILABLE;
		}
		// a resource shaped in a way the mapping did not foresee; the class says enough,
		// and a message could hold record content
		logger.warn("Could not read a part of the record: {}", failure.getClass().getName());
		return SectionStatus.UNREADABLE;
	}

	/** HAPI wraps a parse failure of a response in a client exception. */
	private static boolean unreadable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataFormatException || cause instanceof NonFhirResponseException
					|| cause instanceof InvalidResponseException) {
				return true;
			}
		}
		return false;
	}

	private <T> T withLogContext(Callable<T> read) throws Exception {
		if (this.logContext != null) {
			MDC.setContextMap(this.logContext);
		}
		try {
			return read.call();
		}
		finally {
			MDC.clear();
		}
	}

}
