package org.kinship.careplan;

import java.util.Optional;

import org.kinship.careplan.internal.CarePlanRecord;
import org.kinship.careplan.internal.Part;
import org.kinship.careplan.internal.RecordReads;
import org.kinship.careplan.internal.SessionRecords;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Component;

/**
 * The care-plan record of the session's patient in context: from the session's cache when
 * it is a few minutes old at most, else read live from the EHR. Only a record read
 * without trouble is cached, so that a retry after an outage reads again. Must be called
 * on a request thread of a launched session.
 */
@Component
public class CarePlans {

	private final RecordReads reads;

	private final SessionRecords cache;

	CarePlans(RecordReads reads, SessionRecords cache) {
		this.reads = reads;
		this.cache = cache;
	}

	/**
	 * The session's record when it is fresh, without reading anything.
	 * @param principal the user
	 * @return the cached record, or empty when the record must be read
	 */
	Optional<CarePlanRecord> cached(KinshipPrincipal principal) {
		return this.cache.fresh(principal);
	}

	CarePlanRecord current(KinshipPrincipal principal) {
		return this.cache.fresh(principal).orElseGet(() -> {
			CarePlanRecord record = this.reads.read(principal);
			if (record.settled()) {
				this.cache.keep(record);
			}
			return record;
		});
	}

	/** Forgets the session's cached record: the next page reads the record again. */
	public void forget() {
		this.cache.forget();
	}

	/**
	 * Reads more of one part of the cached record, from where the first read stopped.
	 * @param principal the user
	 * @param partSlug the part, as its URL names it ({@code medications})
	 * @return false when the EHR could not give more just now; true otherwise, also when
	 * there was nothing more or the record is no longer cached
	 */
	public boolean more(KinshipPrincipal principal, String partSlug) {
		Part part = Part.fromSlug(partSlug).orElse(null);
		CarePlanRecord record = this.cache.fresh(principal).orElse(null);
		if (part == null || record == null) {
			return true;
		}
		return this.reads.more(principal, record, part).map((longer) -> {
			this.cache.keep(longer);
			return true;
		}).orElse(false);
	}

}
