package org.kinship.careplan;

import java.util.List;

import org.kinship.careplan.internal.Part;
import org.kinship.careplan.internal.Section;
import org.kinship.careplan.internal.SectionStatus;

/**
 * One part of the panel as the page shows it: the first few cards, the rest folded away
 * for "show more", and whether the EHR holds more than was read.
 *
 * @param <T> the kind of card
 * @param part which part
 * @param status whether it could be read
 * @param shown the cards shown at first, what concerns the group first
 * @param folded the other cards, shown on demand
 * @param more whether Kinship stopped at its cap and can read on
 * @param truncated whether the EHR sent more than Kinship keeps, with no way to read on
 */
record PartView<T>(Part part, SectionStatus status, List<Item<T>> shown, List<Item<T>> folded, boolean more,
		boolean truncated) {

	static <T> PartView<T> of(Part part, Section<?> section, List<Item<T>> items, int cardsShown) {
		int cut = Math.min(cardsShown, items.size());
		return new PartView<>(part, section.status(), items.subList(0, cut), items.subList(cut, items.size()),
				section.next() != null, section.truncated());
	}

	public boolean available() {
		return this.status == SectionStatus.SHOWN;
	}

	public boolean isEmpty() {
		return this.shown.isEmpty();
	}

	public int total() {
		return this.shown.size() + this.folded.size();
	}

	/**
	 * A card, and whether it concerns a condition the group is for.
	 *
	 * @param <T> the kind of card
	 * @param card the card
	 * @param concernsGroup whether it concerns the group's condition
	 */
	record Item<T>(T card, boolean concernsGroup) {
	}

}
