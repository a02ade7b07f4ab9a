package org.kinship.launch.web;

import org.kinship.launch.CommunityRight;
import org.kinship.launch.CommunityRights;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The community managers' page for Kinship's own rights: who facilitates and who manages
 * the community at their health system.
 */
@Controller
class CommunityRightsController {

	private final CommunityRights rights;

	CommunityRightsController(CommunityRights rights) {
		this.rights = rights;
	}

	@GetMapping("/admin/rights")
	String page(KinshipPrincipal principal, Model model) {
		model.addAttribute("assignments", this.rights.list(principal));
		model.addAttribute("rights", CommunityRight.values());
		return "launch/rights";
	}

	@PostMapping("/admin/rights/grant")
	String grant(KinshipPrincipal principal, @RequestParam String fhirUser, @RequestParam CommunityRight right,
			RedirectAttributes redirect) {
		return change(() -> this.rights.grant(principal, fhirUser, right), redirect);
	}

	@PostMapping("/admin/rights/revoke")
	String revoke(KinshipPrincipal principal, @RequestParam String fhirUser, @RequestParam CommunityRight right,
			RedirectAttributes redirect) {
		return change(() -> this.rights.revoke(principal, fhirUser, right), redirect);
	}

	private static String change(Runnable change, RedirectAttributes redirect) {
		try {
			change.run();
			redirect.addFlashAttribute("message", "rights.saved");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/rights";
	}

}
