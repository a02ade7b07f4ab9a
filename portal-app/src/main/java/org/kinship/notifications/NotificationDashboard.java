package org.kinship.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.notifications.internal.EmailStore;
import org.kinship.notifications.internal.PortalNoticeStore;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the community's notifications are doing, for its community managers: e-mails and
 * the portal message centre's notices by outcome (sent, waiting, failed for good,
 * bounced, dropped) over the last day and the last week. Counts only: no member, address
 * or text.
 */
@Component
public class NotificationDashboard {

	/** The outcomes shown, in this order, whether or not any notice has them. */
	public static final List<String> OUTCOMES = List.of("SENT", "PENDING", "FAILED", "BOUNCED", "DROPPED");

	private final EmailStore emails;

	private final PortalNoticeStore portal;

	private final Clock clock;

	NotificationDashboard(EmailStore emails, PortalNoticeStore portal, Clock clock) {
		this.emails = emails;
		this.portal = portal;
		this.clock = clock;
	}

	/**
	 * The dashboard of the manager's health system.
	 * @param manager a community manager
	 * @return the counts
	 * @throws Refused (forbidden) for anyone else
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Dashboard of(KinshipPrincipal manager) {
		if (!manager.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw Refused.forbidden("notifications.error.not-manager");
		}
		Instant now = this.clock.instant();
		Instant day = now.minus(Duration.ofDays(1));
		Instant week = now.minus(Duration.ofDays(7));
		return new Dashboard(this.emails.counts(manager.issuer(), day), this.emails.counts(manager.issuer(), week),
				this.portal.counts(manager.issuer(), day), this.portal.counts(manager.issuer(), week));
	}

	/**
	 * Counts by outcome.
	 *
	 * @param emailsDay e-mails made in the last 24 hours
	 * @param emailsWeek e-mails made in the last 7 days
	 * @param portalDay message-centre notices of the last 24 hours
	 * @param portalWeek message-centre notices of the last 7 days
	 */
	public record Dashboard(Map<String, Integer> emailsDay, Map<String, Integer> emailsWeek,
			Map<String, Integer> portalDay, Map<String, Integer> portalWeek) {

		/**
		 * @return the outcomes shown, in order
		 */
		public List<String> outcomes() {
			return OUTCOMES;
		}

	}

}
