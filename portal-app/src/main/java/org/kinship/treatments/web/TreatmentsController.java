package org.kinship.treatments.web;

import org.kinship.launch.KinshipPrincipal;
import org.kinship.treatments.Treatments;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The treatments a person can look at ({@code /treatments}), and one treatment's messages
 * across their groups ({@code /treatments/{rxcui}}), each linking into its group's
 * discussion at that message.
 */
@Controller
class TreatmentsController {

	private final Treatments treatments;

	TreatmentsController(Treatments treatments) {
		this.treatments = treatments;
	}

	@GetMapping("/treatments")
	String overview(KinshipPrincipal principal, Model model) {
		model.addAttribute("overview", this.treatments.overview(principal, LocaleContextHolder.getLocale()));
		return "treatments/overview";
	}

	@GetMapping("/treatments/{rxcui}")
	String treatment(KinshipPrincipal principal, @PathVariable String rxcui, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("treatment", this.treatments.page(principal, rxcui, page, LocaleContextHolder.getLocale()));
		return "treatments/treatment";
	}

}
