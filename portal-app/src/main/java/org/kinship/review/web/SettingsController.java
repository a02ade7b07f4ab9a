package org.kinship.review.web;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ModerationSettings.Overrides;
import org.kinship.moderation.WatchAction;
import org.kinship.review.SettingsDesk;

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
 * Moderation settings pages: {@code /review/settings} for the community,
 * {@code /review/groups/{id}/settings} for one group.
 */
@Controller
class SettingsController {

	private final SettingsDesk desk;

	SettingsController(SettingsDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/review/settings")
	String community(KinshipPrincipal principal, Model model) {
		return page(principal, ModerationSettings.COMMUNITY, model);
	}

	@GetMapping("/review/groups/{groupId}/settings")
	String group(KinshipPrincipal principal, @PathVariable long groupId, Model model) {
		return page(principal, groupId, model);
	}

	@PostMapping("/review/settings")
	String saveCommunity(KinshipPrincipal principal, @RequestParam(required = false) @Nullable Integer newMemberPosts,
			@RequestParam(required = false) @Nullable Boolean holdCrisis,
			@RequestParam(required = false) @Nullable Integer flagsToHide,
			@RequestParam(required = false) @Nullable Integer responseMinutes, RedirectAttributes redirect) {
		return save(principal, ModerationSettings.COMMUNITY,
				new Overrides(newMemberPosts, holdCrisis, flagsToHide, responseMinutes), redirect, "/review/settings");
	}

	@PostMapping("/review/groups/{groupId}/settings")
	String saveGroup(KinshipPrincipal principal, @PathVariable long groupId,
			@RequestParam(required = false) @Nullable Integer newMemberPosts,
			@RequestParam(required = false) @Nullable Boolean holdCrisis,
			@RequestParam(required = false) @Nullable Integer flagsToHide,
			@RequestParam(required = false) @Nullable Integer responseMinutes, RedirectAttributes redirect) {
		return save(principal, groupId, new Overrides(newMemberPosts, holdCrisis, flagsToHide, responseMinutes),
				redirect, "/review/groups/" + groupId + "/settings");
	}

	@GetMapping("/review/words")
	String communityWords(KinshipPrincipal principal, Model model) {
		return words(principal, ModerationSettings.COMMUNITY, model);
	}

	@GetMapping("/review/groups/{groupId}/words")
	String groupWords(KinshipPrincipal principal, @PathVariable long groupId, Model model) {
		return words(principal, groupId, model);
	}

	@PostMapping({ "/review/words", "/review/groups/{groupId}/words" })
	String addWords(KinshipPrincipal principal, @PathVariable(required = false) @Nullable Long groupId,
			@RequestParam(defaultValue = "") String terms, @RequestParam WatchAction action,
			RedirectAttributes redirect) {
		long scope = (groupId != null) ? groupId : ModerationSettings.COMMUNITY;
		try {
			redirect.addFlashAttribute("count", this.desk.addWords(principal, scope, terms, action));
			redirect.addFlashAttribute("notice", "review.words.added");
		}
		catch (Refused refused) {
			Outcomes.refusedWith(redirect, refused);
			redirect.addFlashAttribute("typed", terms);
		}
		return "redirect:" + wordsPath(scope);
	}

	@PostMapping({ "/review/words/remove", "/review/groups/{groupId}/words/remove" })
	String removeWord(KinshipPrincipal principal, @PathVariable(required = false) @Nullable Long groupId,
			@RequestParam long term, RedirectAttributes redirect) {
		long scope = (groupId != null) ? groupId : ModerationSettings.COMMUNITY;
		return Outcomes.redirect(redirect, wordsPath(scope), "review.words.removed",
				() -> this.desk.removeWord(principal, scope, term));
	}

	private String words(KinshipPrincipal principal, long groupId, Model model) {
		try {
			model.addAttribute("words", this.desk.words(principal, groupId));
			model.addAttribute("action", wordsPath(groupId));
			model.addAttribute("actions", WatchAction.values());
			return "review/words";
		}
		catch (Refused refused) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	private static String wordsPath(long scope) {
		return (scope == ModerationSettings.COMMUNITY) ? "/review/words" : "/review/groups/" + scope + "/words";
	}

	private String page(KinshipPrincipal principal, long groupId, Model model) {
		try {
			model.addAttribute("scope", this.desk.scope(principal, groupId));
			model.addAttribute("action", (groupId == ModerationSettings.COMMUNITY) ? "/review/settings"
					: "/review/groups/" + groupId + "/settings");
			return "review/settings";
		}
		catch (Refused refused) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	private String save(KinshipPrincipal principal, long groupId, Overrides overrides, RedirectAttributes redirect,
			String back) {
		return Outcomes.redirect(redirect, back, "review.done.settings",
				() -> this.desk.save(principal, groupId, overrides));
	}

}
