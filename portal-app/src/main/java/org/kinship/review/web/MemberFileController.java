package org.kinship.review.web;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Sanctions.Kind;
import org.kinship.review.MemberFiles;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A member's file for the staff of a group: sanctions, notes and decisions.
 */
@Controller
class MemberFileController {

	private final MemberFiles files;

	MemberFileController(MemberFiles files) {
		this.files = files;
	}

	@GetMapping("/review/groups/{groupId}/member")
	String file(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String member, Model model) {
		try {
			model.addAttribute("file", this.files.file(principal, groupId, member));
		}
		catch (Refused refused) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return "review/member";
	}

	@PostMapping("/review/groups/{groupId}/member/sanctions")
	String sanction(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String member,
			@RequestParam Kind kind, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) @Nullable Integer hours, RedirectAttributes redirect) {
		return outcome(redirect, groupId, member, "review.done.sanction",
				() -> this.files.sanction(principal, groupId, member, kind, reason, hours));
	}

	@PostMapping("/review/groups/{groupId}/member/lift")
	String lift(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String member,
			@RequestParam long sanction, RedirectAttributes redirect) {
		return outcome(redirect, groupId, member, "review.done.lifted",
				() -> this.files.lift(principal, groupId, sanction));
	}

	@PostMapping("/review/groups/{groupId}/member/notes")
	String note(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String member,
			@RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
		return outcome(redirect, groupId, member, "review.done.note",
				() -> this.files.note(principal, groupId, member, body));
	}

	private static String outcome(RedirectAttributes redirect, long groupId, String member, String done,
			Runnable action) {
		return Outcomes.redirect(redirect,
				UriComponentsBuilder.fromPath("/review/groups/{groupId}/member")
					.queryParam("member", member)
					.buildAndExpand(groupId)
					.encode()
					.toUriString(),
				done, action);
	}

}
