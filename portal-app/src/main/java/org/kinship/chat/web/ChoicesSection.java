package org.kinship.chat.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.Chat;
import org.kinship.chat.Treatment;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.moderation.Flags.FlagReason;

import org.springframework.stereotype.Component;

/**
 * What a member picks from on a message in the discussion, the reactions and the reasons
 * to flag it, and in the composer the treatments (their own medicines' ingredients) a
 * message may be about, rendered into the page from the lists the server checks, so that
 * the page's script does not keep copies of its own.
 */
@Component
class ChoicesSection implements GroupPageSection {

	static final Choices CHOICES = new Choices(Chat.REACTIONS,
			Arrays.stream(FlagReason.values())
				.map((reason) -> new FlagChoice(FlagReasons.spelled(reason), "chat.flag." + reason.name()))
				.toList(),
			List.of());

	private final Chat chat;

	ChoicesSection(Chat chat) {
		this.chat = chat;
	}

	@Override
	public String name() {
		return "chatChoices";
	}

	@Override
	public @Nullable Object contents(KinshipPrincipal principal, GroupPage page) {
		if (!page.mayReadMembers()) {
			return null;
		}
		return new Choices(CHOICES.reactions(), CHOICES.flagReasons(),
				page.staff() ? List.of() : this.chat.treatments(principal));
	}

	/**
	 * The choices on a message.
	 *
	 * @param reactions the emoji a member may react with, in the order shown
	 * @param flagReasons the reasons to flag a message, in the order offered
	 * @param treatments the ingredients of the member's own medicines a message may be
	 * tagged with, from the record the session holds; empty for staff
	 */
	public record Choices(List<String> reactions, List<FlagChoice> flagReasons, List<Treatment> treatments) {
	}

	/**
	 * One reason to flag a message.
	 *
	 * @param value as frames spell it
	 * @param messageKey the label's message key
	 */
	public record FlagChoice(String value, String messageKey) {
	}

}
