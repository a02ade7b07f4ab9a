package org.kinship;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinship.groups.Audience;
import org.kinship.groups.Group;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupForm;
import org.kinship.groups.GroupStatus;
import org.kinship.groups.JoinForm;
import org.kinship.groups.Memberships;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.CommunityRights;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.shared.web.SignedIn;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Groups of a test's own in a running context: made by a community manager, each with a
 * facilitator of its own holding the facilitator right, and members who join under names
 * of their own; and the sessions a launch leaves behind, for requests through the whole
 * security chain.
 */
public final class StaffedGroups {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final GroupAdministration administration;

	private final Memberships memberships;

	private final CommunityRights rights;

	private final String issuer;

	/**
	 * @param administration the groups' administration
	 * @param memberships joining
	 * @param rights community rights
	 * @param issuer the sandbox's FHIR base URL, as principals carry it
	 */
	public StaffedGroups(GroupAdministration administration, Memberships memberships, CommunityRights rights,
			String issuer) {
		this.administration = administration;
		this.memberships = memberships;
		this.rights = rights;
		this.issuer = issuer;
	}

	/**
	 * The staffed groups of a test's application, for principals of the sandbox issuer.
	 * @param context the test's application context
	 * @return a new helper
	 */
	public static StaffedGroups in(ApplicationContext context) {
		return new StaffedGroups(context.getBean(GroupAdministration.class), context.getBean(Memberships.class),
				context.getBean(CommunityRights.class),
				context.getBean(IssuerRegistry.class).findByKey("sandbox").orElseThrow().fhirBaseUrl());
	}

	/**
	 * @return the sandbox's community manager
	 */
	public KinshipPrincipal manager() {
		return new KinshipPrincipal("sandbox", this.issuer, "Practitioner/dr-sarah-lin", "Sarah Lin",
				KinshipRole.CLINICIAN, Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null,
				List.of(), Set.of(), Map.of());
	}

	/**
	 * A new group with a facilitator of its own.
	 * @param name the start of its name
	 * @return the group, and its facilitator
	 */
	public Staffed group(String name) {
		KinshipPrincipal manager = manager();
		Group group = this.administration.create(manager,
				new GroupForm(name + " " + UUID.randomUUID(), "A place to share.", "<p>Be kind.</p>", Audience.PATIENTS,
						true, GroupStatus.OPEN, "", "Q87.4", "", "", ""));
		String id = "f-" + UUID.randomUUID().toString().substring(0, 8);
		KinshipPrincipal facilitator = new KinshipPrincipal("sandbox", this.issuer, "Practitioner/" + id,
				"Facilitator " + id, KinshipRole.CLINICIAN, Set.of(CommunityRight.FACILITATOR), null, null, false, null,
				null, null, List.of(), Set.of(), Map.of());
		this.rights.grant(manager, facilitator.fhirUser(), CommunityRight.FACILITATOR);
		this.administration.facilitator(manager, group.slug(), facilitator.fhirUser(), true);
		return new Staffed(group, facilitator);
	}

	/**
	 * A new patient who joins a group.
	 * @param group the group
	 * @param name the start of their name there
	 * @return the patient
	 */
	public KinshipPrincipal member(Group group, String name) {
		String id = "p-" + UUID.randomUUID();
		KinshipPrincipal patient = new KinshipPrincipal("sandbox", this.issuer, "Patient/" + id, "Pat " + id,
				KinshipRole.PATIENT, Set.of(), id, null, false, null, null, null, List.of(),
				Set.of("patient/Condition.rs"), Map.of());
		this.memberships.join(patient, group.slug(), new JoinForm(name + id.substring(2, 10), false, false, true));
		return patient;
	}

	/**
	 * The session a launch leaves behind.
	 * @param principal who launched
	 * @return the session
	 */
	public static MockHttpSession session(KinshipPrincipal principal) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(SignedIn.authentication(principal)));
		return session;
	}

	/**
	 * The session's CSRF token, from the sign-out form every launched page holds.
	 * @param mvc the application
	 * @param session the session
	 * @return the token
	 */
	public static String csrf(MockMvc mvc, MockHttpSession session) throws Exception {
		String page = mvc.perform(get("/conversations").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("a CSRF token in the page").isTrue();
		return token.group(1);
	}

	/**
	 * A group and its own facilitator.
	 *
	 * @param group the group
	 * @param facilitator its facilitator
	 */
	public record Staffed(Group group, KinshipPrincipal facilitator) {
	}

}
