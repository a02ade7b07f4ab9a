package org.kinship.sessions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A facilitated live session of a group.
 *
 * @param id the session's id
 * @param groupId the group
 * @param title what it is about
 * @param posting who may post while it is live
 * @param startsAt when it starts
 * @param endsAt when it is scheduled to end
 * @param endedAt when the staff ended it early, or {@code null}
 * @param summary the facilitator's summary, or {@code null} before it is written
 * @param firstSeq the first message posted while it was live, once it has ended
 * @param lastSeq the last such message
 */
public record LiveSession(long id, long groupId, String title, Posting posting, Instant startsAt, Instant endsAt,
		@Nullable Instant endedAt, @Nullable String summary, @Nullable Long firstSeq, @Nullable Long lastSeq) {

	/**
	 * When it ends or ended.
	 * @return the earlier of the scheduled end and the time the staff ended it
	 */
	public Instant end() {
		return (this.endedAt != null && this.endedAt.isBefore(this.endsAt)) ? this.endedAt : this.endsAt;
	}

	/**
	 * Whether it is live.
	 * @param now the time
	 * @return true between its start and its end
	 */
	public boolean liveAt(Instant now) {
		return !now.isBefore(this.startsAt) && now.isBefore(end());
	}

	/**
	 * Whether it is still to come.
	 * @param now the time
	 * @return true before its start
	 */
	public boolean upcomingAt(Instant now) {
		return now.isBefore(this.startsAt);
	}

}
