package org.kinship.checkins.web;

import java.util.Locale;

import org.kinship.checkins.MyTrends;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The member's own trends page.
 */
@Controller
class TrendsController {

	private final MyTrends trends;

	TrendsController(MyTrends trends) {
		this.trends = trends;
	}

	@GetMapping("/trends")
	String trends(KinshipPrincipal principal, Locale locale, Model model) {
		model.addAttribute("trends", this.trends.of(principal, locale));
		return "checkins/trends";
	}

}
