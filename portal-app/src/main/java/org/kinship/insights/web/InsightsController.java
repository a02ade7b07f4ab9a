package org.kinship.insights.web;

import java.util.Locale;

import org.kinship.insights.Insights;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A group's insights page, and the choice to contribute or withdraw.
 */
@Controller
class InsightsController {

	private final Insights insights;

	InsightsController(Insights insights) {
		this.insights = insights;
	}

	@GetMapping("/insights/groups/{groupId}")
	String page(KinshipPrincipal principal, @PathVariable long groupId, Locale locale, Model model) {
		model.addAttribute("insights", this.insights.of(principal, groupId, locale));
		return "insights/page";
	}

	@PostMapping("/insights/groups/{groupId}/contribution")
	String contribution(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam boolean contribute,
			RedirectAttributes redirect) {
		if (contribute) {
			this.insights.contribute(principal);
		}
		else {
			this.insights.withdraw(principal);
		}
		redirect.addFlashAttribute("notice", contribute ? "insights.contributing" : "insights.withdrawn");
		return "redirect:/insights/groups/" + groupId;
	}

}
