package org.kinship.moderation;

import java.util.List;

/**
 * A message about to be stored.
 *
 * @param issuer the health system
 * @param groupId the group
 * @param author the author's {@code fhirUser}
 * @param text the message as typed (Markdown source)
 * @param publishedBefore how many of the author's messages in this group were published
 * before this one (held, rejected and deleted ones not counted)
 * @param staff whether the author is a facilitator or community manager of the group
 * @param medicines the author's medicines as their health record names them ("Furosemide
 * 40 MG Oral Tablet"), so that a brand or generic name of one of them is read as the
 * member's own medicine; empty when unknown
 */
public record Submission(String issuer, long groupId, String author, String text, int publishedBefore, boolean staff,
		List<String> medicines) {

	/**
	 * Copies the medicines.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param author the author's {@code fhirUser}
	 * @param text the message as typed
	 * @param publishedBefore how many of the author's messages were published before
	 * @param staff whether the author is staff of the group
	 * @param medicines the author's medicines, empty when unknown
	 */
	public Submission {
		medicines = List.copyOf(medicines);
	}

	/**
	 * A message whose author's medicines are not known.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param author the author's {@code fhirUser}
	 * @param text the message as typed
	 * @param publishedBefore how many of the author's messages were published before
	 * @param staff whether the author is staff of the group
	 */
	public Submission(String issuer, long groupId, String author, String text, int publishedBefore, boolean staff) {
		this(issuer, groupId, author, text, publishedBefore, staff, List.of());
	}

}
