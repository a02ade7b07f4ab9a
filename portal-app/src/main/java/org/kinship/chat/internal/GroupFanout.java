package org.kinship.chat.internal;

import org.kinship.chat.ChatMessage;
import org.kinship.chat.GroupControlsChanged;
import org.kinship.chat.MessageChanged;
import org.kinship.chat.MessagePosted;
import org.kinship.realtime.LivePages;
import org.kinship.realtime.Relay;
import org.kinship.realtime.RelayHandler;
import org.kinship.shared.AfterCommit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Delivers each committed message, and each change of a group's controls, to the group's
 * open pages on this node at once, and relays it to the other nodes where a page follows
 * the group, which deliver it to theirs: a node no member of the group has open hears
 * nothing of it. Runs after commit, so nothing is delivered that could still roll back.
 * An in-process listener on purpose: a message is on its members' screens within
 * milliseconds, and one that never got there is caught up from the database.
 */
@Configuration(proxyBeanMethods = false)
class GroupFanout {

	static final String MESSAGE = "chat.message";

	static final String CONTROLS = "chat.controls";

	private final LivePages pages;

	private final Relay relay;

	GroupFanout(LivePages pages, Relay relay) {
		this.pages = pages;
		this.relay = relay;
	}

	// after commit through AfterCommit, not @TransactionalEventListener: the registry
	// would store and complete a publication for every message (see AfterCommit)
	@EventListener
	void on(MessagePosted posted) {
		AfterCommit.run(() -> {
			// a new message's delivery is timed from when it was stored
			this.pages.toFollowers(topicOf(posted.message()), posted.message(), posted.message().createdAt());
			this.relay.toFollowersOf(topicOf(posted.message()), MESSAGE, posted.message());
		});
	}

	@EventListener
	void on(MessageChanged changed) {
		AfterCommit.run(() -> {
			deliverHere(changed.message());
			this.relay.toFollowersOf(topicOf(changed.message()), MESSAGE, changed.message());
		});
	}

	@EventListener
	void on(GroupControlsChanged changed) {
		AfterCommit.run(() -> {
			deliverHere(changed);
			this.relay.toFollowersOf(controlsOf(changed), CONTROLS, changed);
		});
	}

	/**
	 * Delivers a message to its group's open pages on this node, its frame encoded once
	 * for all of them.
	 */
	void deliverHere(ChatMessage message) {
		this.pages.toFollowers(topicOf(message), message);
	}

	private static String topicOf(ChatMessage message) {
		return "/topic/groups/" + message.groupId();
	}

	private static String controlsOf(GroupControlsChanged changed) {
		return "/topic/groups/" + changed.groupId() + "/controls";
	}

	/**
	 * Tells a group's open pages on this node that its controls changed; each page asks
	 * for them again, since what a page shows depends on who looks at it.
	 */
	void deliverHere(GroupControlsChanged changed) {
		this.pages.toTopic(controlsOf(changed), changed);
	}

	@Bean
	RelayHandler<ChatMessage> messagesFromOtherNodes() {
		return RelayHandler.of(MESSAGE, ChatMessage.class, this::deliverHere);
	}

	@Bean
	RelayHandler<GroupControlsChanged> controlsFromOtherNodes() {
		return RelayHandler.of(CONTROLS, GroupControlsChanged.class, this::deliverHere);
	}

}
