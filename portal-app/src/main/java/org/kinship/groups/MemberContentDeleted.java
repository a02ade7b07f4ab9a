package org.kinship.groups;

/**
 * A person asked Kinship to delete what it keeps about them ("Delete my content").
 * Published inside the deleting transaction; every module that keeps something of the
 * person deletes it in a listener of its own in the same transaction, so that either all
 * of it goes or none.
 *
 * @param issuer the health system
 * @param fhirUser the person
 */
public record MemberContentDeleted(String issuer, String fhirUser) {
}
