package org.kinship.careplan.internal;

import java.io.Serializable;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An active condition.
 *
 * @param id the Condition's id
 * @param name the condition in plain words, or {@code null}
 * @param codes its codings
 */
public record ConditionCard(String id, @Nullable String name, Set<Coded> codes) implements Serializable {

	public ConditionCard {
		codes = Set.copyOf(codes);
	}

}
