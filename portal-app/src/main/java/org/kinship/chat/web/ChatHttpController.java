package org.kinship.chat.web;

import java.util.List;
import java.util.Locale;

import org.kinship.chat.Chat;
import org.kinship.chat.Chat.ReadState;
import org.kinship.chat.ChatMessage;
import org.kinship.chat.SendCommand;
import org.kinship.chat.SendResult;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.web.Reasons;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chat over plain HTTP, for the page's first load, history pages, threads, and sending
 * when a socket cannot be opened. A refusal is answered with its reason in the member's
 * language, 403 without a seat in the group and 422 otherwise.
 */
@RestController
class ChatHttpController {

	private final Chat chat;

	private final MessageSource messages;

	ChatHttpController(Chat chat, MessageSource messages) {
		this.chat = chat;
		this.messages = messages;
	}

	@GetMapping("/chat/groups/{groupId}/messages")
	History history(KinshipPrincipal principal, @PathVariable long groupId,
			@RequestParam(defaultValue = "9223372036854775807") long before) {
		return History.of(this.chat, principal, groupId, before);
	}

	@GetMapping("/chat/groups/{groupId}/threads/{messageId}")
	List<ChatMessage> thread(KinshipPrincipal principal, @PathVariable long groupId, @PathVariable long messageId) {
		return this.chat.thread(principal, groupId, messageId);
	}

	@GetMapping("/chat/groups/{groupId}/members")
	List<String> members(KinshipPrincipal principal, @PathVariable long groupId) {
		return this.chat.memberNames(principal, groupId);
	}

	/**
	 * The treatments the composer offers once the record has been read (the group page
	 * may have been shown before it was): the member's own medicines' ingredients, in the
	 * page's language.
	 */
	@GetMapping("/chat/treatments")
	List<TreatmentChoice> treatments(KinshipPrincipal principal) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.chat.treatments(principal)
			.stream()
			.map((treatment) -> new TreatmentChoice(treatment.rxcui(), treatment.name(locale)))
			.toList();
	}

	@PostMapping("/chat/groups/{groupId}/messages")
	SendReply send(KinshipPrincipal principal, @PathVariable long groupId, @RequestBody SendCommand command) {
		SendResult result = this.chat.send(principal, groupId, command);
		return SendReply.stored(result, (result.heldKey() != null) ? Reasons.text(this.messages,
				LocaleContextHolder.getLocale(), result.heldKey(), result.heldArgs().toArray()) : null);
	}

	/**
	 * A history page with the reader's marker.
	 *
	 * @param messages the messages, oldest first
	 * @param lastReadSeq where the reader stopped last time
	 * @param unread how many messages came since
	 */
	record History(List<ChatMessage> messages, long lastReadSeq, long unread) {

		/**
		 * A page of a group's history as a person may read it.
		 * @param chat the chat
		 * @param principal who reads
		 * @param groupId the group
		 * @param before the sequence number to read below, {@link Long#MAX_VALUE} for the
		 * newest page
		 * @return the page with the reader's marker
		 * @throws org.kinship.shared.Refused when the person has no seat in the group
		 */
		static History of(Chat chat, KinshipPrincipal principal, long groupId, long before) {
			ReadState read = chat.readState(principal, groupId);
			return new History(chat.history(principal, groupId, before), read.lastReadSeq(), read.unread());
		}

	}

	/**
	 * A treatment the composer offers.
	 *
	 * @param rxcui the ingredient's RxNorm code, sent with the message
	 * @param name its name in the page's language
	 */
	record TreatmentChoice(String rxcui, String name) {
	}

}
