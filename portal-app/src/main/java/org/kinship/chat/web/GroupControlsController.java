package org.kinship.chat.web;

import org.kinship.chat.ChatMessage;
import org.kinship.chat.GroupControls;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The group controls over HTTP: what a member's page shows ({@code GET
 * /chat/groups/{id}/controls}, asked again whenever the group's controls change), and the
 * staff's forms for slow mode, lock and pins. Anyone but the group's staff gets 403, any
 * other refusal 422.
 */
@Controller
class GroupControlsController {

	private final GroupControls controls;

	private final MessageSource messages;

	GroupControlsController(GroupControls controls, MessageSource messages) {
		this.controls = controls;
		this.messages = messages;
	}

	@GetMapping("/chat/groups/{groupId}/controls")
	@ResponseBody
	ControlsView controls(KinshipPrincipal principal, @PathVariable long groupId) {
		return ControlsView.of(this.controls.controls(principal, groupId), this.messages);
	}

	@PostMapping("/chat/groups/{groupId}/controls/slow-mode")
	String slowMode(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam int seconds,
			RedirectAttributes redirect) {
		return back(redirect, "groups.controls.slow-mode.saved",
				() -> this.controls.slowMode(principal, groupId, seconds));
	}

	@PostMapping("/chat/groups/{groupId}/controls/lock")
	String lock(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam boolean locked,
			RedirectAttributes redirect) {
		return back(redirect, locked ? "groups.controls.locked" : "groups.controls.unlocked",
				() -> this.controls.lock(principal, groupId, locked));
	}

	@PostMapping("/chat/groups/{groupId}/pins")
	@ResponseBody
	ChatMessage pin(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam long messageId,
			@RequestParam boolean pinned) {
		return this.controls.pin(principal, groupId, messageId, pinned);
	}

	private String back(RedirectAttributes redirect, String notice, java.util.function.Supplier<String> change) {
		String slug = change.get();
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/groups/" + slug + "#group-controls";
	}

}
