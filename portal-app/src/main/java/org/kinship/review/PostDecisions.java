package org.kinship.review;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.ChatModeration;
import org.kinship.chat.MessageForReview;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.ModerationLog;

import org.springframework.stereotype.Component;

/**
 * What a member may know of the decisions about their own posts and membership: each with
 * its group, the start of the post it is about (their own words, never another's) and the
 * outcome. Crisis handling (urgent cards, "please look") is never shown to its subject.
 */
@Component
public class PostDecisions {

	/** The actions a member hears of; the log's other entries are for staff. */
	static final Set<String> MEMBER_FACING = Set.of("HELD", "APPROVE", "EDIT_AND_APPROVE", "REJECT", "HIDE",
			"FLAG_HIDE", "WARN", "MUTE", "SUSPEND", "BAN", "LIFT");

	static final int EXCERPT = 140;

	private final ModerationLog log;

	private final GroupDirectory groups;

	private final ChatModeration chat;

	PostDecisions(ModerationLog log, GroupDirectory groups, ChatModeration chat) {
		this.log = log;
		this.groups = groups;
		this.chat = chat;
	}

	/**
	 * The latest decisions about the member, newest first.
	 * @param principal the member
	 * @param limit how many at most
	 * @return the decisions
	 */
	public List<Decision> about(KinshipPrincipal principal, int limit) {
		return this.log.about(principal.issuer(), principal.fhirUser(), limit)
			.stream()
			.filter((logged) -> MEMBER_FACING.contains(logged.entry().action()))
			.map((logged) -> decision(principal, logged))
			.toList();
	}

	private Decision decision(KinshipPrincipal principal, ModerationLog.Logged logged) {
		Long groupId = logged.entry().groupId();
		Group group = (groupId != null) ? this.groups.find(principal.issuer(), groupId).orElse(null) : null;
		Long messageId = logged.entry().messageId();
		String excerpt = (group != null && messageId != null) ? this.chat.find(group.id(), messageId)
			.filter((message) -> message.author().equals(principal.fhirUser()))
			.map(PostDecisions::excerpt)
			.orElse(null) : null;
		return new Decision(logged, group, excerpt);
	}

	private static String excerpt(MessageForReview message) {
		String text = message.body().strip().replaceAll("\\s+", " ");
		return (text.length() <= EXCERPT) ? text : text.substring(0, EXCERPT - 1).strip() + "…";
	}

	/**
	 * A decision as the member sees it.
	 *
	 * @param logged the log's entry: when, what, why
	 * @param group the group it was taken in, if any and still there
	 * @param excerpt the start of the member's own post it is about, if any and still
	 * stored
	 */
	public record Decision(ModerationLog.Logged logged, @Nullable Group group, @Nullable String excerpt) {
	}

}
