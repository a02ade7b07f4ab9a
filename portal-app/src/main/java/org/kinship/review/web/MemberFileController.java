package org.kinship.review.web;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Sanctions.Kind;
import org.kinship.review.MemberFiles;
import org.kinship.shared.web.OnRefusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A member's file for the staff of a group: sanctions, notes and decisions. Anyone else
 * gets 403 for the file; a change refused goes back to the file with the reason.
 */
@Controller
class MemberFileController {

	private static final String FILE = "/review/groups/{groupId}/member";

	private final MemberFiles files;

	MemberFileController(MemberFiles files) {
		this.files = files;
	}

	@GetMapping(FILE)
	@OnRefusal(status = HttpStatus.FORBIDDEN)
	String file(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String member, Model model) {
		model.addAttribute("file", this.files.file(principal, groupId, member));
		return "review/member";
	}

	@PostMapping("/review/groups/{groupId}/member/sanctions")
	@OnRefusal(redirectTo = FILE, query = "member")
	String sanction(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String member,
			@RequestParam Kind kind, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) @Nullable Integer hours, RedirectAttributes redirect) {
		this.files.sanction(principal, groupId, member, kind, reason, hours);
		return done(redirect, groupId, member, "review.done.sanction");
	}

	@PostMapping("/review/groups/{groupId}/member/lift")
	@OnRefusal(redirectTo = FILE, query = "member")
	String lift(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String member,
			@RequestParam long sanction, RedirectAttributes redirect) {
		this.files.lift(principal, groupId, sanction);
		return done(redirect, groupId, member, "review.done.lifted");
	}

	@PostMapping("/review/groups/{groupId}/member/mentor")
	@OnRefusal(redirectTo = FILE, query = "member")
	String mentor(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String member,
			@RequestParam boolean mentor, RedirectAttributes redirect) {
		this.files.peerMentor(principal, groupId, member, mentor);
		return done(redirect, groupId, member, mentor ? "review.done.mentor" : "review.done.mentor-ended");
	}

	@PostMapping("/review/groups/{groupId}/member/notes")
	@OnRefusal(redirectTo = FILE, query = "member")
	String note(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String member,
			@RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
		this.files.note(principal, groupId, member, body);
		return done(redirect, groupId, member, "review.done.note");
	}

	private static String done(RedirectAttributes redirect, long groupId, String member, String notice) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + UriComponentsBuilder.fromPath(FILE)
			.queryParam("member", member)
			.buildAndExpand(groupId)
			.encode()
			.toUriString();
	}

}
