package org.kinship.groups;

import java.util.Set;

/**
 * A condition group of one health system.
 *
 * @param id the group's id
 * @param issuer the health system's FHIR base URL
 * @param slug the group's name in URLs
 * @param name the group's name
 * @param description what the group is for, plain text
 * @param guidelines the group's guidelines, HTML already passed through the allowlist
 * sanitizer
 * @param audience who it is for
 * @param listed whether it appears in the directory; unlisted groups are joined on a
 * facilitator's approval
 * @param status open, locked or archived
 * @param codes the conditions it is for
 * @param sponsors the community managers who sponsor it, as {@code Practitioner/123}
 * @param facilitators its facilitators
 * @param memberCount how many members it has
 */
public record Group(long id, String issuer, String slug, String name, String description, String guidelines,
		Audience audience, boolean listed, GroupStatus status, CodeSet codes, Set<String> sponsors,
		Set<String> facilitators, int memberCount) {

	/**
	 * Whether the user is one of this group's facilitators.
	 * @param fhirUser the user
	 * @return true if so
	 */
	public boolean facilitatedBy(String fhirUser) {
		return this.facilitators.contains(fhirUser);
	}

}
