package org.kinship.review.web;

import java.time.Instant;
import java.util.List;

import org.kinship.escalation.CareTeamAlerts;
import org.jspecify.annotations.Nullable;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.CrisisOutcome;
import org.kinship.moderation.ModerationLog;
import org.kinship.review.CrisisDesk;
import org.kinship.review.PostDecisions;
import org.kinship.review.ReviewDesk;
import org.kinship.review.ReviewDesk.Decision;
import org.kinship.shared.web.OnRefusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue page, its live-refreshed list, the decisions taken from it, and the
 * decisions a member can read about their own posts. A decision refused goes back to the
 * queue with the reason.
 */
@Controller
class ReviewController {

	private static final String QUEUE = "/review";

	private final ReviewDesk desk;

	private final CrisisDesk crisis;

	private final ModerationLog log;

	private final CareTeamAlerts careTeamAlerts;

	private final PostDecisions decisions;

	ReviewController(ReviewDesk desk, CrisisDesk crisis, ModerationLog log, CareTeamAlerts careTeamAlerts,
			PostDecisions decisions) {
		this.decisions = decisions;
		this.desk = desk;
		this.crisis = crisis;
		this.log = log;
		this.careTeamAlerts = careTeamAlerts;
	}

	@GetMapping("/review")
	String queue(KinshipPrincipal principal, Model model) {
		var groups = this.desk.moderated(principal);
		if (groups.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute("groups", groups);
		return items(principal, model, "review/queue");
	}

	@GetMapping("/review/items")
	String itemsOnly(KinshipPrincipal principal, Model model) {
		return items(principal, model, "review/queue :: items");
	}

	private String items(KinshipPrincipal principal, Model model, String view) {
		List<ReviewDesk.Entry> entries = this.desk.queue(principal);
		model.addAttribute("entries", entries);
		model.addAttribute("careTeamAlerts",
				this.careTeamAlerts.of(principal, entries.stream().map(ReviewDesk.Entry::item).toList()));
		model.addAttribute("now", Instant.now());
		return view;
	}

	@PostMapping("/review/items/{itemId}")
	@OnRefusal(redirectTo = QUEUE)
	String decide(KinshipPrincipal principal, @PathVariable long itemId, @RequestParam Decision decision,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String text,
			RedirectAttributes redirect) {
		this.desk.decide(principal, itemId, decision, reason, text);
		return done(redirect, "review.done." + decision.name());
	}

	@PostMapping("/review/items")
	@OnRefusal(redirectTo = QUEUE)
	String decideAll(KinshipPrincipal principal, @RequestParam(name = "item", required = false) List<Long> items,
			@RequestParam Decision decision, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		this.desk.decideAll(principal, (items != null) ? items : List.of(), decision, reason);
		return done(redirect, "review.done.bulk");
	}

	@PostMapping("/review/items/{itemId}/acknowledge")
	@OnRefusal(redirectTo = QUEUE)
	String acknowledge(KinshipPrincipal principal, @PathVariable long itemId, RedirectAttributes redirect) {
		this.desk.acknowledge(principal, itemId);
		return done(redirect, "review.done.acknowledged");
	}

	@PostMapping("/review/items/{itemId}/reach-out")
	@OnRefusal(redirectTo = QUEUE)
	String reachOut(KinshipPrincipal principal, @PathVariable long itemId) {
		return "redirect:/conversations/" + this.crisis.reachOut(principal, itemId);
	}

	@PostMapping("/review/items/{itemId}/outcome")
	@OnRefusal(redirectTo = QUEUE)
	String outcome(KinshipPrincipal principal, @PathVariable long itemId,
			@RequestParam(required = false) @Nullable CrisisOutcome outcome,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		this.crisis.recordOutcome(principal, itemId, outcome, note);
		return done(redirect, "review.done.outcome");
	}

	@PostMapping("/review/items/{itemId}/hand-over")
	@OnRefusal(redirectTo = QUEUE)
	String handOver(KinshipPrincipal principal, @PathVariable long itemId,
			@RequestParam(defaultValue = "") String colleague, RedirectAttributes redirect) {
		this.crisis.handOver(principal, itemId, colleague);
		return done(redirect, "review.done.handed-over");
	}

	@PostMapping("/review/items/{itemId}/escalate")
	@OnRefusal(redirectTo = QUEUE)
	String escalate(KinshipPrincipal principal, @PathVariable long itemId, RedirectAttributes redirect) {
		this.crisis.escalate(principal, itemId);
		return done(redirect, "review.done.escalated");
	}

	@GetMapping("/review/log")
	String communityLog(KinshipPrincipal principal, Model model) {
		if (!principal.has(org.kinship.launch.CommunityRight.COMMUNITY_MANAGER)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute("entries", this.log.community(principal.issuer(), 500));
		return "review/log";
	}

	@GetMapping("/me/moderation")
	String mine(KinshipPrincipal principal, Model model) {
		model.addAttribute("decisions", this.decisions.about(principal, 100));
		return "review/mine";
	}

	private static String done(RedirectAttributes redirect, String notice) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + QUEUE;
	}

}
