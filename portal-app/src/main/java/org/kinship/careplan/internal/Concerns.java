package org.kinship.careplan.internal;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What an item of the record is about, so that what concerns a group's condition can come
 * first: codings it carries itself, and the Conditions it points to.
 *
 * @param codes codings of the item's own reasons
 * @param conditionIds ids of the Conditions it addresses or gives as its reason
 */
public record Concerns(Set<Coded> codes, Set<String> conditionIds) implements Serializable {

	/** An item that says nothing about what it is for. */
	public static final Concerns NONE = new Concerns(Set.of(), Set.of());

	public Concerns {
		codes = Set.copyOf(codes);
		conditionIds = Set.copyOf(conditionIds);
	}

	/**
	 * Whether the item is about a condition the group is for.
	 * @param inGroup whether a coding belongs to the group's code set
	 * @param conditions the codings of the patient's active conditions, by id
	 * @return true when one of its own codings or of the conditions it points to belongs
	 */
	public boolean within(Predicate<Coded> inGroup, Map<String, Set<Coded>> conditions) {
		return this.codes.stream().anyMatch(inGroup) || this.conditionIds.stream()
			.anyMatch((id) -> conditions.getOrDefault(id, Set.of()).stream().anyMatch(inGroup));
	}

	/**
	 * Both items' concerns together.
	 * @param other another item's concerns
	 * @return the union
	 */
	public Concerns and(Concerns other) {
		java.util.Set<Coded> allCodes = new java.util.HashSet<>(this.codes);
		allCodes.addAll(other.codes);
		java.util.Set<String> allIds = new java.util.HashSet<>(this.conditionIds);
		allIds.addAll(other.conditionIds);
		return new Concerns(allCodes, allIds);
	}

}
