package org.kinship.careplan;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;

/**
 * Holds back the EHR's answer to each read of a care plan's parts until every part has
 * been asked for, so that a test sees whether a page asks for them all at once: reads
 * made one after another never all arrive while the first waits, however fast or slow the
 * machine. Off until a test arms it.
 */
final class ReadWave implements ServeEventListener {

	static final Set<String> PARTS = Set.of("CarePlan", "Goal", "MedicationRequest", "Condition", "CareTeam",
			"Appointment");

	/** A ceiling for a wave to gather, reached only when its reads come one by one. */
	private static final long PATIENCE_SECONDS = 30;

	private volatile @Nullable CountDownLatch gathering;

	private final AtomicBoolean together = new AtomicBoolean();

	/** From now on, holds each read of a part until all parts have been asked for. */
	void arm() {
		this.together.set(false);
		this.gathering = new CountDownLatch(PARTS.size());
	}

	void disarm() {
		this.gathering = null;
	}

	/**
	 * Whether all parts were asked for while the first was still unanswered.
	 * @return true once a wave gathered whole
	 */
	boolean gatheredWhole() {
		return this.together.get();
	}

	@Override
	public void beforeResponseSent(ServeEvent event, Parameters parameters) {
		CountDownLatch wave = this.gathering;
		String path = event.getRequest().getUrl().split("\\?")[0];
		if (wave == null || !PARTS.contains(path.substring(path.lastIndexOf('/') + 1))) {
			return;
		}
		wave.countDown();
		try {
			if (wave.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
				this.together.set(true);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String getName() {
		return "read-wave";
	}

}
