package org.kinship.chat.web;

import java.util.List;

import org.kinship.chat.ChatMessage;
import org.kinship.chat.GroupControls;
import org.kinship.chat.GroupControls.Controls;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
		return view(this.controls.controls(principal, groupId));
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

	private ControlsView view(Controls controls) {
		return new ControlsView(controls.locked(), controls.slowModeSeconds(), controls.pinned(), controls.mayPost(),
				controls.notices()
					.stream()
					.map((notice) -> text(notice.messageKey(), notice.arguments().toArray()))
					.toList(),
				controls.staff());
	}

	private String text(String key, Object[] arguments) {
		return this.messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	/**
	 * The controls as a member's page shows them.
	 *
	 * @param locked whether the group is read-only
	 * @param slowModeSeconds slow mode, {@code 0} for off
	 * @param pinned the pinned messages
	 * @param mayPost whether the composer is open to this person now
	 * @param notices what the composer says, in the person's language
	 * @param staff whether the person may change the controls
	 */
	record ControlsView(boolean locked, int slowModeSeconds, List<ChatMessage> pinned, boolean mayPost,
			List<String> notices, boolean staff) {
	}

}
