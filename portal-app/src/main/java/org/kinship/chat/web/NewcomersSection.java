package org.kinship.chat.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.internal.MessageStore;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.groups.Membership;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Component;

/**
 * The group's newcomers, for its peer mentors and staff to greet: the members who joined
 * in the last two weeks, newest first, each with a link to their first post once it was
 * delivered (a held first post shows only after a facilitator approved it). Nobody else
 * sees the list.
 */
@Component
class NewcomersSection implements GroupPageSection {

	static final Duration RECENT = Duration.ofDays(14);

	private static final int MOST = 20;

	private final GroupDirectory directory;

	private final MessageStore messages;

	private final Clock clock;

	NewcomersSection(GroupDirectory directory, MessageStore messages, Clock clock) {
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "newcomers";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		boolean mentor = page.membership() != null && page.membership().peerMentor();
		if (!mentor && !page.staff()) {
			return null;
		}
		Instant since = this.clock.instant().minus(RECENT);
		// read enough that leaving out the reader and the facilitators still leaves the
		// most
		List<Membership> recent = this.directory.joinedSince(page, since, MOST + 1 + page.group().facilitators().size())
			.stream()
			.filter((member) -> !member.fhirUser().equals(principal.fhirUser()))
			.filter((member) -> !page.group().facilitatedBy(member.fhirUser()))
			.limit(MOST)
			.toList();
		Map<String, Long> first = this.messages.firstVisible(page.group().id(),
				recent.stream().map(Membership::fhirUser).toList());
		return new Newcomers(recent.stream()
			.map((member) -> new Newcomer(member.displayName(), member.joinedAt(), first.get(member.fhirUser())))
			.toList());
	}

	/**
	 * The newcomers shown.
	 *
	 * @param members newest first
	 */
	public record Newcomers(List<Newcomer> members) {
	}

	/**
	 * One newcomer.
	 *
	 * @param name the name they go by in the group
	 * @param joinedAt when they joined
	 * @param firstPost their first delivered message, or {@code null} before it
	 */
	public record Newcomer(String name, Instant joinedAt, @Nullable Long firstPost) {
	}

}
