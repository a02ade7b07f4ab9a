package org.kinship.notifications.web;

import org.kinship.launch.KinshipPrincipal;
import org.kinship.notifications.ContactForm;
import org.kinship.notifications.NotificationSettings;
import org.kinship.notifications.PushForm;
import org.kinship.shared.web.OnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A member's notification settings page. */
@Controller
class NotificationSettingsController {

	private final NotificationSettings settings;

	NotificationSettingsController(NotificationSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/notifications")
	String page(KinshipPrincipal principal, Model model) {
		model.addAttribute("settings", this.settings.view(principal));
		return "notifications/settings";
	}

	@PostMapping("/notifications/contact")
	@OnRefusal(redirectTo = "/notifications", typed = "email")
	String contact(KinshipPrincipal principal, ContactForm form, RedirectAttributes redirect) {
		this.settings.saveContact(principal, form);
		redirect.addFlashAttribute("notice", "notifications.notice.saved");
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/groups/{groupId}")
	@OnRefusal(redirectTo = "/notifications")
	String group(KinshipPrincipal principal, @PathVariable long groupId, @RequestParam String level,
			@RequestParam(defaultValue = "false") boolean digest,
			@RequestParam(defaultValue = "false") boolean nameGroup, RedirectAttributes redirect) {
		this.settings.saveGroup(principal, groupId, level, digest, nameGroup);
		redirect.addFlashAttribute("notice", "notifications.notice.saved");
		return "redirect:/notifications#group-" + groupId;
	}

	@PostMapping("/notifications/push")
	@OnRefusal(redirectTo = "/notifications")
	String push(KinshipPrincipal principal, PushForm form, RedirectAttributes redirect) {
		this.settings.subscribe(principal, form);
		redirect.addFlashAttribute("notice", "notifications.notice.push-on");
		return "redirect:/notifications#push";
	}

	@PostMapping("/notifications/push/remove")
	String stopPush(KinshipPrincipal principal, @RequestParam String endpoint, RedirectAttributes redirect) {
		this.settings.unsubscribePush(principal, endpoint);
		redirect.addFlashAttribute("notice", "notifications.notice.push-off");
		return "redirect:/notifications#push";
	}

}
