package org.kinship.sessions.internal;

import java.util.List;
import java.util.Optional;

import org.kinship.chat.PostingRule;
import org.kinship.shared.Refused;
import org.kinship.sessions.LiveSession;
import org.kinship.sessions.Posting;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * While a facilitator-only session is live, only the group's staff post; members are told
 * so, with the time it ends. A member who posts during any live session is counted as
 * attending it (in the sending transaction, so a message that is not stored counts
 * nothing). Asked before slow mode, whose "wait a few seconds" would mislead then.
 */
@Component
@Order(5)
class FacilitatorOnlyPosting implements PostingRule {

	private final SessionStore sessions;

	private final LocalTimes times;

	FacilitatorOnlyPosting(SessionStore sessions, LocalTimes times) {
		this.sessions = sessions;
		this.times = times;
	}

	@Override
	public Optional<Refused> check(Poster poster) {
		Optional<LiveSession> live = this.sessions.live(poster.seat().groupId(), poster.now());
		if (live.isEmpty() || poster.seat().staff()) {
			return Optional.empty();
		}
		if (live.get().posting() == Posting.FACILITATORS) {
			return Optional.of(new Refused("sessions.error.facilitators-only", this.times.time(live.get().end())));
		}
		this.sessions.attended(live.get().id(), poster.principal().fhirUser(), poster.seat().displayName(),
				poster.now());
		return Optional.empty();
	}

	@Override
	public Optional<Notice> notice(Poster poster) {
		return this.sessions.live(poster.seat().groupId(), poster.now()).map((live) -> {
			String ends = this.times.time(live.end());
			if (live.posting() == Posting.OPEN) {
				return new Notice(false, "sessions.composer.open", List.of(live.title(), ends));
			}
			return poster.seat().staff() ? new Notice(false, "sessions.composer.staff", List.of(live.title(), ends))
					: new Notice(true, "sessions.error.facilitators-only", List.of(ends));
		});
	}

}
