package org.kinship.conversations.web;

import org.kinship.conversations.Conversations;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.web.OnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of private conversations: a member's list of them, one conversation with its
 * messages (and the list alone, for a page that reconnects), and writing in it. Someone
 * who does not take part in a conversation gets 404.
 */
@Controller
class ConversationsController {

	private static final String CONVERSATION = "/conversations/{id}";

	private final Conversations conversations;

	ConversationsController(Conversations conversations) {
		this.conversations = conversations;
	}

	@GetMapping("/conversations")
	String mine(KinshipPrincipal principal, Model model) {
		model.addAttribute("conversations", this.conversations.mine(principal));
		return "conversations/list";
	}

	@GetMapping(CONVERSATION)
	String conversation(KinshipPrincipal principal, @PathVariable long id, Model model) {
		model.addAttribute("transcript", this.conversations.read(principal, id));
		model.addAttribute("maxLength", Conversations.MAX_LENGTH);
		return "conversations/conversation";
	}

	@GetMapping(CONVERSATION + "/messages")
	String messages(KinshipPrincipal principal, @PathVariable long id, Model model) {
		model.addAttribute("transcript", this.conversations.read(principal, id));
		return "conversations/conversation :: messages";
	}

	@PostMapping(CONVERSATION + "/messages")
	@OnRefusal(redirectTo = CONVERSATION, typed = "text")
	String write(KinshipPrincipal principal, @PathVariable long id, @RequestParam(defaultValue = "") String text) {
		this.conversations.write(principal, id, text);
		return "redirect:/conversations/" + id;
	}

}
