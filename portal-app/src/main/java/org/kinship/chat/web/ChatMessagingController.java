package org.kinship.chat.web;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.SocketLocale;
import org.kinship.chat.Chat;
import org.kinship.chat.Chat.CatchUp;
import org.kinship.chat.GroupControls;
import org.kinship.chat.SendCommand;
import org.kinship.chat.SendResult;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import org.kinship.shared.web.Reasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/**
 * Chat over STOMP: {@code /app/groups/{id}/send}, {@code /since} and {@code /read}. Each
 * send is answered on the sender's own {@code /user/queue/replies} once the message is
 * committed, or with the reason it was not stored, under the client's id for the message
 * so that the page can give the text back. Other refusals are answered on the same queue
 * by {@code org.kinship.shared.web.FrameRefusals}.
 */
@Controller
class ChatMessagingController {

	private static final Logger log = LoggerFactory.getLogger(ChatMessagingController.class);

	private final Chat chat;

	private final MessageSource messages;

	private final GroupControls controls;

	ChatMessagingController(Chat chat, MessageSource messages, GroupControls controls) {
		this.chat = chat;
		this.messages = messages;
		this.controls = controls;
	}

	@MessageMapping("/groups/{groupId}/send")
	@SendToUser(destinations = "/queue/replies", broadcast = false)
	SendReply send(@DestinationVariable long groupId, @Payload SendCommand command, Principal user,
			SimpMessageHeaderAccessor headers) {
		KinshipPrincipal principal = principal(user);
		try {
			SendResult result = this.chat.send(principal, groupId, command);
			return SendReply.stored(result,
					(result.heldKey() != null) ? text(headers, result.heldKey(), result.heldArgs().toArray()) : null);
		}
		catch (Refused refusal) {
			return SendReply.refused(command.clientId(), text(headers, refusal.messageKey(), refusal.arguments()));
		}
		catch (DataAccessException ex) {
			log.warn("A message could not be stored ({})", ex.getClass().getSimpleName());
			return SendReply.failed(command.clientId(), text(headers, "chat.error.not-stored"));
		}
	}

	@MessageMapping("/groups/{groupId}/change")
	@SendToUser(destinations = "/queue/replies", broadcast = false)
	SendReply change(@DestinationVariable long groupId, @Payload ChangeCommand command, Principal user,
			SimpMessageHeaderAccessor headers) {
		KinshipPrincipal principal = principal(user);
		try {
			if ("flag".equals(command.kind())) {
				this.chat.flag(principal, groupId, command.messageId(), FlagReasons.parse(command.reason()));
				return SendReply.flagged(command.requestId(), text(headers, "chat.flagged"));
			}
			var message = switch (command.kind()) {
				case "edit" -> this.chat.edit(principal, groupId, command.messageId(), String.valueOf(command.text()));
				case "delete" -> this.chat.delete(principal, groupId, command.messageId());
				case "react" -> this.chat.react(principal, groupId, command.messageId(),
						String.valueOf(command.emoji()), !Boolean.FALSE.equals(command.on()));
				case "pin", "unpin" ->
					this.controls.pin(principal, groupId, command.messageId(), "pin".equals(command.kind()));
				default -> throw new Refused("chat.error.refused");
			};
			return SendReply.changed(command.requestId(), message);
		}
		catch (Refused refusal) {
			return SendReply.refused(command.requestId(), text(headers, refusal.messageKey(), refusal.arguments()));
		}
	}

	@MessageMapping("/groups/{groupId}/since")
	@SendToUser(destinations = "/queue/history", broadcast = false)
	CatchUp since(@DestinationVariable long groupId, @Payload SinceRequest request, Principal user) {
		return this.chat.since(principal(user), groupId, request.afterSeq());
	}

	@MessageMapping("/groups/{groupId}/read")
	void read(@DestinationVariable long groupId, @Payload SinceRequest request, Principal user) {
		this.chat.markRead(principal(user), groupId, request.afterSeq());
	}

	private static KinshipPrincipal principal(@Nullable Principal user) {
		return CurrentPrincipal.from(user).orElseThrow(() -> new AccessDeniedException("Not launched"));
	}

	private String text(SimpMessageHeaderAccessor headers, String key, Object... arguments) {
		return Reasons.text(this.messages, SocketLocale.of(headers.getSessionAttributes()), key, arguments);
	}

	/**
	 * A change to a stored message.
	 *
	 * @param requestId the client's id for this request, echoed in the reply
	 * @param kind {@code edit}, {@code delete}, {@code react}, {@code flag}, or
	 * {@code pin} and {@code unpin} for the group's staff
	 * @param messageId the message
	 * @param text the new text, for an edit
	 * @param emoji the reaction, for a reaction
	 * @param on give the reaction, or take it back
	 * @param reason for a flag, why: {@code off-topic}, {@code unkind},
	 * {@code misinformation}, {@code spam}, {@code personal-information} or
	 * {@code worried}
	 */
	record ChangeCommand(String requestId, String kind, long messageId, @Nullable String text, @Nullable String emoji,
			@Nullable Boolean on, @Nullable String reason) {

		/** A field missing from the frame reads as empty: no such change, refused. */
		ChangeCommand(@Nullable String requestId, @Nullable String kind, long messageId, @Nullable String text,
				@Nullable String emoji, @Nullable Boolean on, @Nullable String reason) {
			this.requestId = (requestId != null) ? requestId : "";
			this.kind = (kind != null) ? kind : "";
			this.messageId = messageId;
			this.text = text;
			this.emoji = emoji;
			this.on = on;
			this.reason = reason;
		}

	}

	/**
	 * Where a client stands.
	 *
	 * @param afterSeq the last sequence number it saw
	 */
	record SinceRequest(long afterSeq) {
	}

}
