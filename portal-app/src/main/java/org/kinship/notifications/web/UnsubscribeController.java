package org.kinship.notifications.web;

import org.kinship.notifications.NotificationSettings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of every e-mail, served without a session: opening it shows a
 * button (a link opened by a mail scanner stops nothing), and the one-click POST of RFC
 * 8058 that mail clients send ({@code List-Unsubscribe=One-Click}) stops every e-mail, of
 * every group. E-mail only: pushes and the portal's message centre go on, and the page
 * says so before and after; a group's notices on every channel stop with the member's
 * choice for the group on {@code /notifications}.
 */
@Controller
class UnsubscribeController {

	private final NotificationSettings settings;

	UnsubscribeController(NotificationSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model) {
		if (!this.settings.validLink(token)) {
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("token", token);
		return "notifications/unsubscribe";
	}

	@PostMapping(path = "/unsubscribe/{token}", params = "List-Unsubscribe")
	ResponseEntity<Void> oneClick(@PathVariable String token, @RequestParam("List-Unsubscribe") String value) {
		boolean done = "One-Click".equals(value) && this.settings.unsubscribe(token);
		return ResponseEntity.status(done ? HttpStatus.OK : HttpStatus.NOT_FOUND).build();
	}

	@PostMapping(path = "/unsubscribe/{token}", params = "!List-Unsubscribe")
	String unsubscribe(@PathVariable String token, Model model) {
		if (!this.settings.unsubscribe(token)) {
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("done", true);
		return "notifications/unsubscribe";
	}

}
