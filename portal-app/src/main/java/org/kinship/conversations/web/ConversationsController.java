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
 * The pages of private conversations: a person's list of them, one conversation with its
 * messages (and the list alone, for a page that reconnects), writing in it, opening one
 * with a group's staff or another member, reporting a message and blocking a member.
 * Someone who does not take part in a conversation gets 404.
 */
@Controller
class ConversationsController {

	private static final String CONVERSATION = "/conversations/{id}";

	private static final String REDIRECT = "redirect:/conversations/";

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
	String conversation(KinshipPrincipal principal, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean reported, Model model) {
		model.addAttribute("transcript", this.conversations.read(principal, id));
		model.addAttribute("reported", reported);
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
		return REDIRECT + id;
	}

	@PostMapping("/conversations/with-staff")
	@OnRefusal(redirectTo = "/conversations")
	String withStaff(KinshipPrincipal principal, @RequestParam long group) {
		return REDIRECT + this.conversations.openWithStaff(principal, group).id();
	}

	@PostMapping("/conversations/with-member")
	@OnRefusal(redirectTo = "/conversations")
	String withMember(KinshipPrincipal principal, @RequestParam long group, @RequestParam String name) {
		return REDIRECT + this.conversations.openWithMember(principal, group, name).id();
	}

	@PostMapping(CONVERSATION + "/block")
	@OnRefusal(redirectTo = CONVERSATION)
	String block(KinshipPrincipal principal, @PathVariable long id, @RequestParam(defaultValue = "true") boolean on) {
		this.conversations.block(principal, id, on);
		return REDIRECT + id;
	}

	@PostMapping(CONVERSATION + "/messages/{messageId}/report")
	@OnRefusal(redirectTo = CONVERSATION)
	String report(KinshipPrincipal principal, @PathVariable long id, @PathVariable long messageId) {
		return REDIRECT + this.conversations.report(principal, id, messageId).id() + "?reported=true";
	}

	@GetMapping("/conversations/settings")
	String settings(KinshipPrincipal principal, @RequestParam(defaultValue = "false") boolean saved, Model model) {
		model.addAttribute("saved", saved);
		model.addAttribute("membersMayTalk", this.conversations.membersMayTalk(principal));
		model.addAttribute("manager", principal.has(org.kinship.launch.CommunityRight.COMMUNITY_MANAGER));
		return "conversations/settings";
	}

	@PostMapping("/conversations/settings")
	@OnRefusal(redirectTo = "/conversations/settings")
	String saveSettings(KinshipPrincipal principal, @RequestParam(defaultValue = "false") boolean membersMayTalk) {
		this.conversations.letMembersTalk(principal, membersMayTalk);
		return "redirect:/conversations/settings?saved=true";
	}

}
