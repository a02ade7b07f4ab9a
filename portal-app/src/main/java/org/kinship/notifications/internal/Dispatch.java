package org.kinship.notifications.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One round of notification work, on the dispatch thread and on one node at a time: who
 * is told of what happened since the last round, which waiting notices make an e-mail
 * now, which digests are due, the hand-over of every stored e-mail to the mail server, of
 * every notice for the portal's message centre to the EHR, and of every push to the
 * members' push services. Everything a round decides is committed before anything is
 * sent, so a round cut short is finished by the next one.
 */
@Component
public class Dispatch {

	private static final Logger log = LoggerFactory.getLogger(Dispatch.class);

	private final DispatchLease lease;

	private final Planner planner;

	private final NoticeBatcher batcher;

	private final Digests digests;

	private final Sender sender;

	private final MessageCentre messageCentre;

	private final Clock clock;

	private final PushSender pushes;

	Dispatch(DispatchLease lease, Planner planner, NoticeBatcher batcher, Digests digests, Sender sender,
			MessageCentre messageCentre, PushSender pushes, Clock clock) {
		this.pushes = pushes;
		this.messageCentre = messageCentre;
		this.lease = lease;
		this.planner = planner;
		this.batcher = batcher;
		this.digests = digests;
		this.sender = sender;
		this.clock = clock;
	}

	/**
	 * Runs one round, unless another node holds the lease.
	 * @return what the round did, or {@code null} when another node holds the lease
	 */
	public Round run() {
		Instant now = this.clock.instant();
		if (!this.lease.claim(now)) {
			return null;
		}
		try {
			Round round = new Round(this.planner.plan(now), this.batcher.batch(now), this.digests.compose(now),
					this.sender.send(now), this.messageCentre.write(now), this.pushes.send(now));
			if (round.sent() > 0) {
				log.info("Notifications: {} notices batched, {} digests composed, {} e-mails sent", round.batched(),
						round.digests(), round.sent());
			}
			return round;
		}
		finally {
			this.lease.release();
		}
	}

	/**
	 * What a round did.
	 *
	 * @param planned events whose audience was decided
	 * @param batched e-mails of immediate notices made
	 * @param digests digests made
	 * @param sent e-mails the mail server took
	 * @param written notices the EHR took for the portal's message centre
	 * @param pushed pushes the push services took
	 */
	public record Round(int planned, int batched, int digests, int sent, int written, int pushed) {
	}

}
