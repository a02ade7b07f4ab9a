package org.kinship.chat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.internal.MessageSearch;
import org.kinship.groups.Group;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search in the messages of one's own groups, with exactly the rules of reading them:
 * only the groups whose discussion the person may follow now (an active member or the
 * group's staff, not suspended or banned there), and only messages members see (never
 * held, rejected, hidden or deleted ones). Nothing of a query is logged or stored.
 */
@Component
public class ChatSearch {

	/** The most messages one search shows. */
	public static final int LIMIT = 50;

	private final GroupDirectory groups;

	private final Chat chat;

	private final MessageSearch search;

	ChatSearch(GroupDirectory groups, Chat chat, MessageSearch search) {
		this.groups = groups;
		this.chat = chat;
		this.search = search;
	}

	/**
	 * The groups a person may search in: those they read, by name.
	 * @param principal who asks
	 * @return the groups
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Group> searchable(KinshipPrincipal principal) {
		Map<Long, Group> candidates = new LinkedHashMap<>();
		this.groups.mine(principal).forEach((mine) -> candidates.put(mine.group().id(), mine.group()));
		this.groups.moderated(principal).forEach((group) -> candidates.putIfAbsent(group.id(), group));
		return candidates.values()
			.stream()
			.filter((group) -> this.chat.mayFollow(principal, group.id()))
			.sorted(java.util.Comparator.comparing(Group::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * Messages holding every word of a query, newest first, at most {@value #LIMIT}.
	 * @param principal who asks
	 * @param query the words, as typed
	 * @param groupId one of the person's groups to look in only, or {@code null} for all
	 * of them; a group the person does not read finds nothing
	 * @return the messages found with their groups
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Found> search(KinshipPrincipal principal, String query, @Nullable Long groupId) {
		List<String> words = MessageSearch.words(query);
		if (words.isEmpty()) {
			return List.of();
		}
		Map<Long, Group> readable = new LinkedHashMap<>();
		searchable(principal).stream()
			.filter((group) -> groupId == null || group.id() == groupId)
			.forEach((group) -> readable.put(group.id(), group));
		return this.search.search(readable.keySet(), words, LIMIT)
			.stream()
			.map((hit) -> new Found(readable.get(hit.groupId()), hit.id(), hit.author(), hit.excerpt(),
					hit.createdAt()))
			.toList();
	}

	/**
	 * A message found.
	 *
	 * @param group its group
	 * @param messageId the message
	 * @param author its author's name in the group
	 * @param excerpt its text around the first word found, plain
	 * @param createdAt when it was posted
	 */
	public record Found(Group group, long messageId, String author, String excerpt, Instant createdAt) {
	}

}
