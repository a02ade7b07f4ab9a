package org.kinship.moderation;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * A member's message on its way into a group's discussion, as chat hands it to
 * {@link Moderation#admit(Posting)}.
 *
 * @param issuer the health system
 * @param groupId the group
 * @param author the author's {@code fhirUser}
 * @param staff whether the author is a facilitator or community manager of the group
 * @param text the message as typed (Markdown source), trimmed
 * @param publishedBefore how many of the author's messages in this group were published
 * before this one (held, rejected and deleted ones not counted); asked at most once, and
 * only when the group's new-member rule needs it, since counting is a database read
 * @param medicines the author's medicines as their health record names them, from what
 * the session already read (never a read of the record on the way in); empty when unknown
 */
public record Posting(String issuer, long groupId, String author, boolean staff, String text,
		IntSupplier publishedBefore, List<String> medicines) {

	/**
	 * Copies the medicines.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param author the author's {@code fhirUser}
	 * @param staff whether the author is staff of the group
	 * @param text the message as typed, trimmed
	 * @param publishedBefore how many of the author's messages were published before
	 * @param medicines the author's medicines, empty when unknown
	 */
	public Posting {
		medicines = List.copyOf(medicines);
	}

	/**
	 * A message whose author's medicines are not known.
	 * @param issuer the health system
	 * @param groupId the group
	 * @param author the author's {@code fhirUser}
	 * @param staff whether the author is staff of the group
	 * @param text the message as typed, trimmed
	 * @param publishedBefore how many of the author's messages were published before
	 */
	public Posting(String issuer, long groupId, String author, boolean staff, String text,
			IntSupplier publishedBefore) {
		this(issuer, groupId, author, staff, text, publishedBefore, List.of());
	}

}
