package org.kinship.careplan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.kinship.careplan.internal.CarePlanProperties;
import org.kinship.careplan.internal.CarePlanRecord;
import org.kinship.careplan.internal.SectionStatus;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.Membership.MembershipStatus;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sharing one goal or activity of the member's plan with a group, as a message card in
 * the member's own words: first a draft to preview and edit, then the text to post. Only
 * an active member who is the patient or their caregiver may share, only from their own
 * record as read in this session, and only what they confirm. Posting the card to the
 * group's discussion is the chat's part; nothing is stored or published here.
 */
@Component
public class CarePlanSharing {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");

	private final GroupDirectory directory;

	private final CarePlans plans;

	private final MessageSource messages;

	private final CarePlanProperties properties;

	CarePlanSharing(GroupDirectory directory, CarePlans plans, MessageSource messages, CarePlanProperties properties) {
		this.directory = directory;
		this.plans = plans;
		this.messages = messages;
		this.properties = properties;
	}

	/**
	 * A first draft of the card, for the member to edit ("My goal: A1c below 7%").
	 * @param principal the member
	 * @param slug the group
	 * @param item the goal or activity
	 * @param locale the member's language
	 * @return the draft
	 * @throws Refused when the member may not share it
	 */
	public ShareCard draft(KinshipPrincipal principal, String slug, ShareItem item, Locale locale) {
		String title = titleOf(principal, slug, item);
		String text = this.messages.getMessage("careplan.share.text." + item.kind() + "." + principal.role(),
				new Object[] { title }, locale);
		return new ShareCard(slug, item, title, text);
	}

	/**
	 * The card as the member confirmed it, ready for the group's discussion to post.
	 * @param principal the member
	 * @param slug the group
	 * @param item the goal or activity
	 * @param text the member's edited text
	 * @return the card with the text cleaned of control characters and outer spaces
	 * @throws Refused when the member may not share it or the text is empty or too long
	 */
	public ShareCard confirm(KinshipPrincipal principal, String slug, ShareItem item, String text) {
		String title = titleOf(principal, slug, item);
		String clean = CONTROL.matcher(text.replace("\r\n", "\n")).replaceAll("").strip();
		if (clean.isEmpty()) {
			throw new Refused("careplan.share.error.empty");
		}
		if (clean.length() > this.properties.shareMaxLength()) {
			throw new Refused("careplan.share.error.length", this.properties.shareMaxLength());
		}
		return new ShareCard(slug, item, title, clean);
	}

	private String titleOf(KinshipPrincipal principal, String slug, ShareItem item) {
		GroupPage page = this.directory.page(principal, slug).orElseThrow(() -> new Refused("groups.error.unknown"));
		if (page.membership() == null || page.membership().status() != MembershipStatus.ACTIVE) {
			throw new Refused("careplan.share.error.not-member");
		}
		if (principal.role() == KinshipRole.CLINICIAN || principal.patientId() == null) {
			throw new Refused("careplan.share.error.role");
		}
		CarePlanRecord record = this.plans.current(principal);
		return find(record, item).orElseThrow(() -> new Refused(
				available(record, item) ? "careplan.share.error.unknown-item" : "careplan.share.error.unavailable"));
	}

	private static Optional<String> find(CarePlanRecord record, ShareItem item) {
		if (item.kind() == ShareItem.Kind.GOAL) {
			return record.goals()
				.items()
				.stream()
				.filter((goal) -> goal.id().equals(item.key()) && goal.title() != null)
				.map((goal) -> goal.title())
				.findFirst();
		}
		return record.plans()
			.items()
			.stream()
			.flatMap((plan) -> plan.activities().stream())
			.filter((activity) -> activity.key().equals(item.key()) && activity.title() != null)
			.map((activity) -> activity.title())
			.findFirst();
	}

	private static boolean available(CarePlanRecord record, ShareItem item) {
		return ((item.kind() == ShareItem.Kind.GOAL) ? record.goals() : record.plans()).status() == SectionStatus.SHOWN;
	}

}
