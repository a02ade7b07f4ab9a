package org.kinship.broadcast.web;

import org.kinship.broadcast.BroadcastInbox;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.web.OnRefusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A member's broadcasts: the inbox, one broadcast, and "I have read this". */
@Controller
class InboxController {

	private final BroadcastInbox inbox;

	InboxController(BroadcastInbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/broadcasts")
	String inbox(KinshipPrincipal principal, Model model) {
		model.addAttribute("entries", this.inbox.inbox(principal));
		return "broadcast/inbox";
	}

	@GetMapping("/broadcasts/{id}")
	String open(KinshipPrincipal principal, @PathVariable long id, Model model) {
		model.addAttribute("entry",
				this.inbox.open(principal, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "broadcast/read";
	}

	@PostMapping("/broadcasts/{id}/acknowledge")
	@OnRefusal(redirectTo = "/broadcasts/{id}")
	String acknowledge(KinshipPrincipal principal, @PathVariable long id, RedirectAttributes redirect) {
		this.inbox.acknowledge(principal, id);
		redirect.addFlashAttribute("notice", "broadcast.notice.acknowledged");
		return "redirect:/broadcasts/" + id;
	}

}
