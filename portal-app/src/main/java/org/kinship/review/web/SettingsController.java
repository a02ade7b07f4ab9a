package org.kinship.review.web;

import org.jspecify.annotations.Nullable;
import org.kinship.escalation.FirstResponses;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ModerationSettings;
import org.kinship.moderation.ModerationSettings.Overrides;
import org.kinship.moderation.WatchAction;
import org.kinship.review.SettingsDesk;
import org.kinship.shared.web.OnRefusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moderation settings pages: {@code /review/settings} for the community,
 * {@code /review/groups/{id}/settings} for one group, and their watched words. Anyone who
 * may not change a scope gets 403 for its pages; a change refused goes back to the page
 * with the reason, and with the words as typed.
 */
@Controller
class SettingsController {

	private static final String COMMUNITY_SETTINGS = "/review/settings";

	private static final String GROUP_SETTINGS = "/review/groups/{groupId}/settings";

	private static final String COMMUNITY_WORDS = "/review/words";

	private static final String GROUP_WORDS = "/review/groups/{groupId}/words";

	private final SettingsDesk desk;

	private final FirstResponses firstResponses;

	SettingsController(SettingsDesk desk, FirstResponses firstResponses) {
		this.desk = desk;
		this.firstResponses = firstResponses;
	}

	@GetMapping(COMMUNITY_SETTINGS)
	@OnRefusal(status = HttpStatus.FORBIDDEN)
	String community(KinshipPrincipal principal, Model model) {
		String page = page(principal, ModerationSettings.COMMUNITY, model);
		model.addAttribute("responseTimes", this.firstResponses.ofCommunity(principal));
		return page;
	}

	@GetMapping(GROUP_SETTINGS)
	@OnRefusal(status = HttpStatus.FORBIDDEN)
	String group(KinshipPrincipal principal, @PathVariable long groupId, Model model) {
		return page(principal, groupId, model);
	}

	@PostMapping(COMMUNITY_SETTINGS)
	@OnRefusal(redirectTo = COMMUNITY_SETTINGS)
	String saveCommunity(KinshipPrincipal principal, @RequestParam(required = false) @Nullable Integer newMemberPosts,
			@RequestParam(required = false) @Nullable Boolean holdCrisis,
			@RequestParam(required = false) @Nullable Integer flagsToHide,
			@RequestParam(required = false) @Nullable Integer responseMinutes, RedirectAttributes redirect) {
		return save(principal, ModerationSettings.COMMUNITY,
				new Overrides(newMemberPosts, holdCrisis, flagsToHide, responseMinutes), redirect);
	}

	@PostMapping(GROUP_SETTINGS)
	@OnRefusal(redirectTo = GROUP_SETTINGS)
	String saveGroup(KinshipPrincipal principal, @PathVariable long groupId,
			@RequestParam(required = false) @Nullable Integer newMemberPosts,
			@RequestParam(required = false) @Nullable Boolean holdCrisis,
			@RequestParam(required = false) @Nullable Integer flagsToHide,
			@RequestParam(required = false) @Nullable Integer responseMinutes, RedirectAttributes redirect) {
		return save(principal, groupId, new Overrides(newMemberPosts, holdCrisis, flagsToHide, responseMinutes),
				redirect);
	}

	@GetMapping(COMMUNITY_WORDS)
	@OnRefusal(status = HttpStatus.FORBIDDEN)
	String communityWords(KinshipPrincipal principal, Model model) {
		return words(principal, ModerationSettings.COMMUNITY, model);
	}

	@GetMapping(GROUP_WORDS)
	@OnRefusal(status = HttpStatus.FORBIDDEN)
	String groupWords(KinshipPrincipal principal, @PathVariable long groupId, Model model) {
		return words(principal, groupId, model);
	}

	@PostMapping(COMMUNITY_WORDS)
	@OnRefusal(redirectTo = COMMUNITY_WORDS, typed = "terms")
	String addCommunityWords(KinshipPrincipal principal, @RequestParam(defaultValue = "") String terms,
			@RequestParam WatchAction action, RedirectAttributes redirect) {
		return addWords(principal, ModerationSettings.COMMUNITY, terms, action, redirect);
	}

	@PostMapping(GROUP_WORDS)
	@OnRefusal(redirectTo = GROUP_WORDS, typed = "terms")
	String addGroupWords(KinshipPrincipal principal, @PathVariable long groupId,
			@RequestParam(defaultValue = "") String terms, @RequestParam WatchAction action,
			RedirectAttributes redirect) {
		return addWords(principal, groupId, terms, action, redirect);
	}

	@PostMapping(COMMUNITY_WORDS + "/remove")
	@OnRefusal(redirectTo = COMMUNITY_WORDS)
	String removeCommunityWord(KinshipPrincipal principal, @RequestParam long term, RedirectAttributes redirect) {
		return removeWord(principal, ModerationSettings.COMMUNITY, term, redirect);
	}

	@PostMapping(GROUP_WORDS + "/remove")
	@OnRefusal(redirectTo = GROUP_WORDS)
	String removeGroupWord(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam long term,
			RedirectAttributes redirect) {
		return removeWord(principal, groupId, term, redirect);
	}

	private String addWords(KinshipPrincipal principal, long scope, String terms, WatchAction action,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("count", this.desk.addWords(principal, scope, terms, action));
		redirect.addFlashAttribute("notice", "review.words.added");
		return "redirect:" + wordsPath(scope);
	}

	private String removeWord(KinshipPrincipal principal, long scope, long term, RedirectAttributes redirect) {
		this.desk.removeWord(principal, scope, term);
		redirect.addFlashAttribute("notice", "review.words.removed");
		return "redirect:" + wordsPath(scope);
	}

	private String words(KinshipPrincipal principal, long groupId, Model model) {
		model.addAttribute("words", this.desk.words(principal, groupId));
		model.addAttribute("action", wordsPath(groupId));
		model.addAttribute("actions", WatchAction.values());
		return "review/words";
	}

	private static String wordsPath(long scope) {
		return (scope == ModerationSettings.COMMUNITY) ? COMMUNITY_WORDS : "/review/groups/" + scope + "/words";
	}

	private String page(KinshipPrincipal principal, long groupId, Model model) {
		model.addAttribute("scope", this.desk.scope(principal, groupId));
		model.addAttribute("action", (groupId == ModerationSettings.COMMUNITY) ? COMMUNITY_SETTINGS
				: "/review/groups/" + groupId + "/settings");
		return "review/settings";
	}

	private String save(KinshipPrincipal principal, long groupId, Overrides overrides, RedirectAttributes redirect) {
		this.desk.save(principal, groupId, overrides);
		redirect.addFlashAttribute("notice", "review.done.settings");
		return "redirect:" + ((groupId == ModerationSettings.COMMUNITY) ? COMMUNITY_SETTINGS
				: "/review/groups/" + groupId + "/settings");
	}

}
