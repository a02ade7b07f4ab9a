package org.kinship.home;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The help pages, one per role: how Kinship works, the community's guidelines and what
 * Kinship does with a member's data. Open to everyone, before a launch too; a signed-in
 * person lands on their own role's page.
 */
@Controller
class HelpController {

	/** The roles a help page is written for, in the order the pages are listed. */
	static final List<String> TOPICS = List.of("patient", "caregiver", "clinician", "mentor", "staff");

	@GetMapping("/help")
	String help(@Nullable KinshipPrincipal principal, Model model) {
		return page(topicOf(principal), model);
	}

	@GetMapping("/help/{topic}")
	String help(@PathVariable String topic, Model model) {
		if (!TOPICS.contains(topic)) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		return page(topic, model);
	}

	private String page(String topic, Model model) {
		model.addAttribute("topic", topic);
		model.addAttribute("topics", TOPICS);
		return "help/help";
	}

	static String topicOf(@Nullable KinshipPrincipal principal) {
		if (principal == null) {
			return "patient";
		}
		if (principal.rights().contains(CommunityRight.FACILITATOR)
				|| principal.rights().contains(CommunityRight.COMMUNITY_MANAGER)) {
			return "staff";
		}
		return principal.role().name().toLowerCase(Locale.ROOT);
	}

}
