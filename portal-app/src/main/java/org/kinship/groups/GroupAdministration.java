package org.kinship.groups;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.Refused;
import org.kinship.groups.internal.CohortPreview;
import org.kinship.groups.internal.CohostStore;
import org.kinship.groups.internal.GroupStore;
import org.kinship.groups.internal.GuidelinesRendering;
import org.kinship.groups.internal.GuidelinesRendering.Rendered;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.CommunityRights;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing groups. Community managers create groups, set code sets and assign
 * facilitators at their own health system; a facilitator edits the texts and the status
 * of the groups they facilitate and nothing else.
 */
@Component
public class GroupAdministration {

	private static final int MAX_GUIDELINES = 20_000;

	private static final String SPANISH = "es";

	private static final int MAX_COHOSTS = 5;

	private final GroupStore groups;

	private final CohortPreview preview;

	private final CommunityRights rights;

	private final ApplicationEventPublisher events;

	private final CohostStore cohosts;

	private final GuidelinesRendering guidelines;

	GroupAdministration(GroupStore groups, CohortPreview preview, CommunityRights rights,
			ApplicationEventPublisher events, CohostStore cohosts, GuidelinesRendering guidelines) {
		this.cohosts = cohosts;
		this.groups = groups;
		this.preview = preview;
		this.rights = rights;
		this.events = events;
		this.guidelines = guidelines;
	}

	/**
	 * The form for an existing group, its guidelines as they were typed: the Markdown
	 * source, or the HTML of guidelines saved before Markdown.
	 * @param group the group
	 * @return the form
	 */
	public GroupForm form(Group group) {
		java.util.Map<String, String> sources = this.groups.guidelinesSources(group.id());
		GroupForm form = GroupForm.of(group);
		return form.withGuidelines(sources.getOrDefault("", form.guidelines()),
				sources.getOrDefault(SPANISH, form.guidelinesEs()));
	}

	/**
	 * Guidelines as members would see them once saved, through the pipeline used on
	 * saving.
	 * @param principal a community manager or facilitator
	 * @param typed the guidelines as typed, Markdown or HTML
	 * @return sanitized HTML
	 * @throws Refused forbidden when the person holds neither right; refused when the
	 * guidelines are too long
	 */
	public String renderGuidelines(KinshipPrincipal principal, String typed) {
		if (!principal.has(CommunityRight.COMMUNITY_MANAGER) && !principal.has(CommunityRight.FACILITATOR)) {
			throw Refused.forbidden("groups.error.not-staff");
		}
		if (typed.length() > MAX_GUIDELINES) {
			throw new Refused("groups.error.guidelines-length");
		}
		return this.guidelines.render(typed).html();
	}

	/**
	 * The groups a person may manage.
	 * @param principal who asks
	 * @return every group for a community manager; their own groups for a facilitator
	 */
	public List<Group> manageable(KinshipPrincipal principal) {
		return this.groups.all(principal.issuer())
			.stream()
			.filter((group) -> GroupDirectory.isStaff(principal, group))
			.toList();
	}

	/**
	 * Creates a group sponsored by the community manager who creates it.
	 * @param principal a community manager
	 * @param form the group
	 * @return the new group
	 * @throws Refused when the person is not a community manager or the form is not
	 * valid; nothing is saved then
	 */
	@Transactional
	public Group create(KinshipPrincipal principal, GroupForm form) {
		requireManager(principal);
		Rendered own = ownGuidelines(form.guidelines());
		CodeSet codes = checked(principal, form, 0, own);
		Rendered ownEs = spanishGuidelines(form.spanish());
		GroupText spanish = spanish(form.spanish(), ownEs);
		String slug = freeSlug(principal.issuer(), form.name());
		Group draft = new Group(0, principal.issuer(), slug, clean(form.name()), form.description().trim(), own.html(),
				form.audience(), form.listed(), form.status(), codes, java.util.Set.of(), java.util.Set.of(), 0,
				java.util.Map.of());
		long id;
		try {
			id = this.groups.insert(draft, principal.fhirUser());
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("groups.error.group-name-taken", form.name());
		}
		this.groups.replaceCodes(id, codes);
		this.groups.replaceTranslation(id, SPANISH, spanish);
		this.groups.replaceGuidelinesSource(id, null, own.markdown());
		this.groups.replaceGuidelinesSource(id, SPANISH, ownEs.markdown());
		this.groups.addStaff(id, principal.fhirUser(), GroupStore.SPONSOR);
		return this.groups.find(principal.issuer(), slug).orElseThrow();
	}

	/**
	 * Edits a group; publishes {@link GroupStatusChanged} when its status changes.
	 * @param principal a community manager, or a facilitator of this group for its texts
	 * and status
	 * @param slug the group
	 * @param form the group as it should be
	 * @return the group
	 * @throws Refused when the person may not make the change or the form is not valid
	 */
	@Transactional
	public Group update(KinshipPrincipal principal, String slug, GroupForm form) {
		Group group = staffGroup(principal, slug);
		boolean manager = principal.has(CommunityRight.COMMUNITY_MANAGER);
		GroupForm allowed = manager ? form
				: new GroupForm(group.name(), form.description(), form.guidelines(), group.audience(), group.listed(),
						form.status(), String.join(" ", group.codes().snomed()),
						String.join(" ", group.codes().icd10()), group.translation(SPANISH).name(),
						form.descriptionEs(), form.guidelinesEs());
		Rendered own = ownGuidelines(allowed.guidelines());
		CodeSet codes = checked(principal, allowed, group.id(), own);
		Rendered ownEs = spanishGuidelines(allowed.spanish());
		GroupText spanish = spanish(allowed.spanish(), ownEs);
		try {
			this.groups.update(new Group(group.id(), group.issuer(), group.slug(), clean(allowed.name()),
					allowed.description().trim(), own.html(), allowed.audience(), allowed.listed(), allowed.status(),
					codes, group.sponsors(), group.facilitators(), 0, java.util.Map.of()));
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("groups.error.group-name-taken", form.name());
		}
		if (manager) {
			this.groups.replaceCodes(group.id(), codes);
		}
		this.groups.replaceTranslation(group.id(), SPANISH, spanish);
		this.groups.replaceGuidelinesSource(group.id(), null, own.markdown());
		this.groups.replaceGuidelinesSource(group.id(), SPANISH, ownEs.markdown());
		statusChanged(principal, group, allowed.status());
		return this.groups.find(principal.issuer(), slug).orElseThrow();
	}

	/**
	 * How many Kinship members a code set would reach today.
	 * @param principal a community manager
	 * @param snomedCodes SNOMED CT concept ids as typed
	 * @param icd10Codes ICD-10-CM codes or prefixes as typed
	 * @param audience who the group is for
	 * @return the count (empty when the EHR cannot tell) and whether records were read
	 * one by one
	 * @throws Refused when a code is not valid or the person is not a community manager
	 */
	public CohortCount preview(KinshipPrincipal principal, String snomedCodes, String icd10Codes, Audience audience) {
		requireManager(principal);
		return this.preview.count(principal.issuerKey(), CodeSet.parse(snomedCodes, icd10Codes), audience);
	}

	/**
	 * The people who may be made facilitators: those holding Kinship's facilitator right.
	 * @param principal a community manager
	 * @return their {@code fhirUser} references
	 */
	public List<String> facilitatorCandidates(KinshipPrincipal principal) {
		requireManager(principal);
		return this.rights.holders(principal, CommunityRight.FACILITATOR);
	}

	/**
	 * Makes someone a facilitator of a group, or stops them being one.
	 * @param principal a community manager
	 * @param slug the group
	 * @param fhirUser a holder of the facilitator right
	 * @param assign assign, or remove
	 * @throws Refused when the person is not a facilitator or the asker not a manager
	 */
	@Transactional
	public void facilitator(KinshipPrincipal principal, String slug, String fhirUser, boolean assign) {
		requireManager(principal);
		Group group = staffGroup(principal, slug);
		if (!assign) {
			this.groups.removeStaff(group.id(), fhirUser, GroupStore.FACILITATOR);
			this.cohosts.forget(group.id(), fhirUser);
			return;
		}
		if (!facilitatorCandidates(principal).contains(fhirUser)) {
			throw new Refused("groups.error.not-facilitator");
		}
		this.groups.addStaff(group.id(), fhirUser, GroupStore.FACILITATOR);
	}

	/**
	 * A group's co-hosts, each with the facilitators who come from it.
	 * @param group the group
	 * @return the co-hosts, in the order they were named
	 */
	public List<Cohost> cohosts(Group group) {
		return this.cohosts.of(group.id());
	}

	/**
	 * Names a partner organisation (an advocacy group, a clinic) as a group's co-host.
	 * @param principal a community manager
	 * @param slug the group
	 * @param name the organisation's name, 2 to 120 characters
	 * @param url its web address ({@code https://} or {@code http://}), or blank
	 * @throws Refused without the right, for a name or address that is not valid, or past
	 * {@value #MAX_COHOSTS} co-hosts
	 */
	@Transactional
	public void addCohost(KinshipPrincipal principal, String slug, String name, @Nullable String url) {
		requireManager(principal);
		Group group = staffGroup(principal, slug);
		String cleanName = clean(name);
		if (cleanName.length() < 2 || cleanName.length() > 120 || cleanName.chars().anyMatch(Character::isISOControl)) {
			throw new Refused("groups.error.cohost-name");
		}
		String address = (url != null) ? url.strip() : "";
		if (!address.isEmpty() && !webAddress(address)) {
			throw new Refused("groups.error.cohost-url");
		}
		if (this.cohosts.of(group.id()).size() >= MAX_COHOSTS) {
			throw new Refused("groups.error.cohosts-full", MAX_COHOSTS);
		}
		this.cohosts.insert(group.id(), cleanName, address.isEmpty() ? null : address);
	}

	/**
	 * No longer names an organisation as the group's co-host.
	 * @param principal a community manager
	 * @param slug the group
	 * @param cohostId the co-host
	 * @throws Refused without the right, or when the group has no such co-host
	 */
	@Transactional
	public void removeCohost(KinshipPrincipal principal, String slug, long cohostId) {
		requireManager(principal);
		Group group = staffGroup(principal, slug);
		if (!this.cohosts.delete(group.id(), cohostId)) {
			throw new Refused("groups.error.no-cohost");
		}
	}

	/**
	 * Says that one of the group's facilitators comes from a co-host, or no longer.
	 * @param principal a community manager
	 * @param slug the group
	 * @param cohostId the co-host
	 * @param fhirUser the facilitator
	 * @param from whether they come from it
	 * @throws Refused without the right, when the group has no such co-host, or the
	 * person does not facilitate the group
	 */
	@Transactional
	public void cohostFacilitator(KinshipPrincipal principal, String slug, long cohostId, String fhirUser,
			boolean from) {
		requireManager(principal);
		Group group = staffGroup(principal, slug);
		if (this.cohosts.of(group.id()).stream().noneMatch((cohost) -> cohost.id() == cohostId)) {
			throw new Refused("groups.error.no-cohost");
		}
		if (from && !group.facilitatedBy(fhirUser)) {
			throw new Refused("groups.error.cohost-facilitator");
		}
		this.cohosts.facilitator(cohostId, fhirUser, from);
	}

	/**
	 * Names someone from a co-host (a partner organisation's staff member) as a
	 * facilitator of the group: they become one of its facilitators, with a facilitator's
	 * rights in this group only (its review queue, requests to join, settings), whether
	 * or not they ever join it as a member, and members see them by the name given, as a
	 * facilitator from the co-host.
	 * @param principal a community manager
	 * @param slug the group
	 * @param cohostId the co-host
	 * @param fhirUser a holder of the facilitator right, or one of the group's
	 * facilitators
	 * @param name the name members see, 2 to 120 characters
	 * @throws Refused without the right, when the group has no such co-host, the person
	 * does not hold the facilitator right, or the name is not valid
	 */
	@Transactional
	public void nameCohostFacilitator(KinshipPrincipal principal, String slug, long cohostId, String fhirUser,
			String name) {
		requireManager(principal);
		Group group = staffGroup(principal, slug);
		if (this.cohosts.of(group.id()).stream().noneMatch((cohost) -> cohost.id() == cohostId)) {
			throw new Refused("groups.error.no-cohost");
		}
		String cleanName = clean(name);
		if (cleanName.length() < 2 || cleanName.length() > 120 || cleanName.chars().anyMatch(Character::isISOControl)) {
			throw new Refused("groups.error.cohost-facilitator-name");
		}
		if (!group.facilitatedBy(fhirUser)) {
			if (!facilitatorCandidates(principal).contains(fhirUser)) {
				throw new Refused("groups.error.not-facilitator");
			}
			this.groups.addStaff(group.id(), fhirUser, GroupStore.FACILITATOR);
		}
		this.cohosts.facilitator(cohostId, fhirUser, true, cleanName);
	}

	private static boolean webAddress(String address) {
		if (address.length() > 500) {
			return false;
		}
		try {
			java.net.URI uri = new java.net.URI(address);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && uri.getUserInfo() == null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Locks a group (read-only: nothing new is posted, nobody joins) or opens it again.
	 * Publishes {@link GroupStatusChanged} when the status changes.
	 * @param principal a facilitator of the group or a community manager
	 * @param groupId the group
	 * @param locked lock, or open
	 * @return the group as it now is
	 * @throws Refused when the person is not the group's staff, or the group is archived
	 */
	@Transactional
	public Group lock(KinshipPrincipal principal, long groupId, boolean locked) {
		Group group = this.groups.findById(principal.issuer(), groupId)
			.orElseThrow(() -> Refused.forbidden("groups.error.unknown"));
		if (!GroupDirectory.isStaff(principal, group)) {
			throw Refused.forbidden("groups.error.not-staff");
		}
		if (group.status() == GroupStatus.ARCHIVED) {
			throw new Refused("groups.controls.error.archived");
		}
		GroupStatus status = locked ? GroupStatus.LOCKED : GroupStatus.OPEN;
		this.groups.updateStatus(group.id(), status);
		statusChanged(principal, group, status);
		return this.groups.findById(principal.issuer(), groupId).orElseThrow();
	}

	private void statusChanged(KinshipPrincipal principal, Group before, GroupStatus status) {
		if (before.status() != status) {
			this.events
				.publishEvent(new GroupStatusChanged(principal.issuer(), before.id(), principal.fhirUser(), status));
		}
	}

	private Group staffGroup(KinshipPrincipal principal, String slug) {
		Group group = this.groups.find(principal.issuer(), slug).orElseThrow(() -> new Refused("groups.error.unknown"));
		if (!GroupDirectory.isStaff(principal, group)) {
			throw new Refused("groups.error.not-staff");
		}
		return group;
	}

	// the Spanish words are checked as the group's own are, each part only where given
	private static GroupText spanish(GroupText typed, Rendered guidelines) {
		String name = clean(typed.name());
		if (!name.isEmpty()
				&& (name.length() < 3 || name.length() > 80 || name.chars().anyMatch(Character::isISOControl))) {
			throw new Refused("groups.error.spanish-name");
		}
		if (typed.description().length() > 1000) {
			throw new Refused("groups.error.description-length");
		}
		if (typed.guidelines().length() > MAX_GUIDELINES) {
			throw new Refused("groups.error.guidelines-length");
		}
		return new GroupText(name, typed.description(), guidelines.html());
	}

	// the length is checked before anything is parsed
	private Rendered ownGuidelines(String typed) {
		if (typed.length() > MAX_GUIDELINES) {
			throw new Refused("groups.error.guidelines-length");
		}
		return this.guidelines.render(typed);
	}

	private Rendered spanishGuidelines(GroupText typed) {
		if (typed.guidelines().length() > MAX_GUIDELINES) {
			throw new Refused("groups.error.guidelines-length");
		}
		return typed.guidelines().isEmpty() ? new Rendered("", null) : this.guidelines.render(typed.guidelines());
	}

	private CodeSet checked(KinshipPrincipal principal, GroupForm form, long groupId, Rendered guidelines) {
		String name = clean(form.name());
		if (name.length() < 3 || name.length() > 80) {
			throw new Refused("groups.error.group-name-length");
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			throw new Refused("groups.error.group-name-characters");
		}
		String description = form.description().trim();
		if (description.isEmpty() || description.length() > 1000) {
			throw new Refused("groups.error.description-length");
		}
		if (guidelines.html().isEmpty()) {
			throw new Refused("groups.error.guidelines-length");
		}
		CodeSet codes = CodeSet.parse(form.snomedCodes(), form.icd10Codes());
		if (codes.isEmpty()) {
			throw new Refused("groups.error.no-codes");
		}
		if (this.groups.nameTaken(principal.issuer(), name, groupId)) {
			throw new Refused("groups.error.group-name-taken", name);
		}
		return codes;
	}

	private String freeSlug(String issuer, String name) {
		String base = Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		base = base.isEmpty() ? "group" : base.substring(0, Math.min(60, base.length()));
		String slug = base;
		for (int n = 2; this.groups.slugTaken(issuer, slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private static String clean(String name) {
		return name.trim().replaceAll("\\s+", " ");
	}

	private static void requireManager(KinshipPrincipal principal) {
		if (!principal.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw new Refused("groups.error.not-manager");
		}
	}

}
