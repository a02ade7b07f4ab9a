package org.kinship.launch;

import java.util.List;
import java.util.regex.Pattern;

import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.launch.internal.RoleAssignments;
import org.kinship.launch.internal.RoleAssignments.Assignment;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Kinship's own rights, managed by community managers for their own health system only.
 * Each change is audited; it takes effect at the person's next launch.
 */
@Component
public class CommunityRights {

	private static final Pattern FHIR_USER = Pattern
		.compile("(Practitioner|PractitionerRole|Patient|RelatedPerson)/[A-Za-z0-9\\-.]{1,64}");

	private final RoleAssignments assignments;

	private final AuditLog audit;

	CommunityRights(RoleAssignments assignments, AuditLog audit) {
		this.assignments = assignments;
		this.audit = audit;
	}

	/**
	 * The assignments at the manager's own health system.
	 * @param manager the community manager asking
	 * @return the assignments
	 */
	public List<Assignment> list(KinshipPrincipal manager) {
		requireManager(manager);
		return this.assignments.all(manager.issuer());
	}

	/**
	 * Who holds a right at the manager's own health system.
	 * @param manager the community manager asking
	 * @param right the right
	 * @return the holders' {@code fhirUser} references
	 */
	public List<String> holders(KinshipPrincipal manager, CommunityRight right) {
		return list(manager).stream()
			.filter((assignment) -> assignment.right() == right)
			.map(Assignment::fhirUser)
			.toList();
	}

	/**
	 * Grants a right.
	 * @param manager the community manager granting it
	 * @param fhirUser the user, as {@code Practitioner/123}
	 * @param right the right
	 * @throws IllegalArgumentException when {@code fhirUser} is not a user reference
	 */
	public void grant(KinshipPrincipal manager, String fhirUser, CommunityRight right) {
		requireManager(manager);
		String user = checked(fhirUser);
		this.assignments.grant(manager.issuer(), user, right, manager.fhirUser());
		this.audit.record(new AuditEntry(manager.issuer(), manager.fhirUser(), null, AuditAction.ROLE_CHANGE,
				"grant " + right + " to " + user, AuditEntry.SUCCESS));
	}

	/**
	 * Withdraws a right. A manager cannot withdraw their own community-manager right, so
	 * that a health system is never left without one by accident.
	 * @param manager the community manager
	 * @param fhirUser the user
	 * @param right the right
	 */
	public void revoke(KinshipPrincipal manager, String fhirUser, CommunityRight right) {
		requireManager(manager);
		String user = checked(fhirUser);
		if (user.equals(manager.fhirUser()) && right == CommunityRight.COMMUNITY_MANAGER) {
			throw new IllegalArgumentException("rights.error.self");
		}
		this.assignments.revoke(manager.issuer(), user, right);
		this.audit.record(new AuditEntry(manager.issuer(), manager.fhirUser(), null, AuditAction.ROLE_CHANGE,
				"revoke " + right + " from " + user, AuditEntry.SUCCESS));
	}

	private static String checked(String fhirUser) {
		String trimmed = fhirUser.trim();
		if (!FHIR_USER.matcher(trimmed).matches()) {
			throw new IllegalArgumentException("rights.error.reference");
		}
		return trimmed;
	}

	private static void requireManager(KinshipPrincipal principal) {
		if (!principal.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw new AccessDeniedException("Only community managers manage rights");
		}
	}

}
