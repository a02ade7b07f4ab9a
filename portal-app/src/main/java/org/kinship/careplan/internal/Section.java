package org.kinship.careplan.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One part of the record as read: its items, or why there are none; and whether the EHR
 * has more than was followed.
 *
 * @param <T> the kind of card
 * @param status whether it was read
 * @param items the cards, in the EHR's order
 * @param next the EHR's link to the following page when Kinship stopped at its cap, or
 * {@code null}
 * @param truncated whether the EHR sent more than Kinship keeps and gave no way to page
 * on
 */
public record Section<T extends Serializable>(SectionStatus status, List<T> items, @Nullable String next,
		boolean truncated) implements Serializable {

	public Section {
		items = List.copyOf(items);
	}

	/**
	 * A part that could not be shown.
	 * @param <T> the kind of card
	 * @param status why
	 * @return the section, without items
	 */
	public static <T extends Serializable> Section<T> missing(SectionStatus status) {
		return new Section<>(status, List.of(), null, false);
	}

	/**
	 * This section followed by what a later read of its next pages found.
	 * @param more the later read
	 * @return both together, with the later read's paging
	 */
	public Section<T> followedBy(Section<T> more) {
		if (more.status != SectionStatus.SHOWN) {
			return this;
		}
		List<T> all = new ArrayList<>(this.items);
		all.addAll(more.items);
		return new Section<>(SectionStatus.SHOWN, all, more.next, more.truncated);
	}

}
