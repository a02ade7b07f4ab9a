package org.kinship.escalation.web;

import org.kinship.escalation.CareTeamAlerts;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.web.OnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A facilitator's second try of a care-team alert that failed, from the escalation's card
 * in the review queue; back to the queue either way, a refusal with its reason.
 */
@Controller
class CareTeamAlertController {

	private static final String QUEUE = "/review";

	private final CareTeamAlerts alerts;

	CareTeamAlertController(CareTeamAlerts alerts) {
		this.alerts = alerts;
	}

	@PostMapping("/review/items/{itemId}/care-team-alert")
	@OnRefusal(redirectTo = QUEUE)
	String retry(KinshipPrincipal principal, @PathVariable long itemId, RedirectAttributes redirect) {
		this.alerts.retry(principal, itemId);
		redirect.addFlashAttribute("notice", "escalation.alert.retrying");
		return "redirect:" + QUEUE;
	}

}
