package org.kinship.chat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kinship.chat.internal.TreatmentTags;
import org.kinship.groups.Group;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages tagged with a treatment across the person's groups, with exactly the rules of
 * reading them ({@link ChatSearch#searchable}): only the groups whose discussion the
 * person may follow now, and only messages members see (never held, rejected, hidden or
 * deleted ones).
 */
@Component
public class TreatmentDiscussions {

	/** Messages on one page. */
	public static final int PAGE = 20;

	private final ChatSearch groups;

	private final TreatmentTags tags;

	TreatmentDiscussions(ChatSearch groups, TreatmentTags tags) {
		this.groups = groups;
		this.tags = tags;
	}

	/**
	 * The ingredients messages are tagged with in the person's groups.
	 * @param principal who asks
	 * @return the ingredients, each once
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<Treatment> tagged(KinshipPrincipal principal) {
		return this.tags.tagged(readable(principal).keySet());
	}

	/**
	 * A page of the messages tagged with an ingredient, newest first.
	 * @param principal who asks
	 * @param rxcui the ingredient
	 * @param page the page, from 0
	 * @return the messages with their groups, and whether an older page follows
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Page page(KinshipPrincipal principal, String rxcui, int page) {
		Map<Long, Group> readable = readable(principal);
		List<TreatmentTags.Tagged> found = this.tags.page(readable.keySet(), rxcui, Math.max(0, page) * PAGE, PAGE + 1);
		List<Tagged> shown = found.stream()
			.limit(PAGE)
			.map((hit) -> new Tagged(readable.get(hit.groupId()), hit.id(), hit.author(), hit.excerpt(),
					hit.createdAt()))
			.toList();
		return new Page(shown, found.size() > PAGE);
	}

	/**
	 * The members who posted the messages the person can read that are tagged with an
	 * ingredient: for a count, which must be suppressed under 11 before it is shown.
	 * @param principal who asks
	 * @param rxcui the ingredient
	 * @return the members, as opaque keys never to be shown
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Set<String> discussing(KinshipPrincipal principal, String rxcui) {
		return this.tags.authors(readable(principal).keySet(), rxcui);
	}

	private Map<Long, Group> readable(KinshipPrincipal principal) {
		Map<Long, Group> readable = new LinkedHashMap<>();
		this.groups.searchable(principal).forEach((group) -> readable.put(group.id(), group));
		return readable;
	}

	/**
	 * A page of tagged messages.
	 *
	 * @param messages the messages, newest first
	 * @param more whether older ones follow
	 */
	public record Page(List<Tagged> messages, boolean more) {
	}

	/**
	 * A tagged message.
	 *
	 * @param group its group
	 * @param messageId the message
	 * @param author its author's name in the group
	 * @param excerpt the start of its text, plain
	 * @param createdAt when it was posted
	 */
	public record Tagged(Group group, long messageId, String author, String excerpt, Instant createdAt) {
	}

}
