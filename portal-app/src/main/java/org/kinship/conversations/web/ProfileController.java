package org.kinship.conversations.web;

import org.kinship.conversations.Conversations;
import org.kinship.conversations.Profiles;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.web.OnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A member's light profile in a group, and blocking them from it.
 */
@Controller
class ProfileController {

	private static final String PROFILE = "/groups/{slug}/profile";

	private final Profiles profiles;

	private final Conversations conversations;

	ProfileController(Profiles profiles, Conversations conversations) {
		this.profiles = profiles;
		this.conversations = conversations;
	}

	@GetMapping(PROFILE)
	String profile(KinshipPrincipal principal, @PathVariable String slug, @RequestParam String name, Model model) {
		model.addAttribute("profile", this.profiles.of(principal, slug, name));
		return "conversations/profile";
	}

	@PostMapping(PROFILE + "/block")
	@OnRefusal(redirectTo = PROFILE, query = "name")
	String block(KinshipPrincipal principal, @PathVariable String slug, @RequestParam long group,
			@RequestParam String name, @RequestParam(defaultValue = "true") boolean on) {
		this.conversations.block(principal, group, name, on);
		return "redirect:" + UriComponentsBuilder.fromPath("/groups/{slug}/profile")
			.queryParam("name", name)
			.buildAndExpand(slug)
			.encode()
			.toUriString();
	}

}
