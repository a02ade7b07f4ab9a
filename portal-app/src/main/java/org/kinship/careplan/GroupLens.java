package org.kinship.careplan;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kinship.careplan.internal.CarePlanRecord;
import org.kinship.careplan.internal.Coded;
import org.kinship.careplan.internal.Concerns;
import org.kinship.careplan.internal.ConditionCard;
import org.kinship.groups.CodeSet;

/**
 * A record seen from one group: whether an item concerns a condition the group is for, by
 * its own codings or by the patient's active conditions it points to.
 *
 * @param codes the group's code set
 * @param conditions the codings of the patient's active conditions, by id
 */
record GroupLens(CodeSet codes, Map<String, Set<Coded>> conditions) {

	static GroupLens of(CodeSet codes, CarePlanRecord record) {
		return new GroupLens(codes,
				record.conditions()
					.items()
					.stream()
					.collect(Collectors.toMap(ConditionCard::id, ConditionCard::codes, (a, b) -> a)));
	}

	boolean concerns(Concerns concerns) {
		return concerns.within(this::inGroup, this.conditions);
	}

	boolean inGroup(Coded coded) {
		return this.codes.matches(coded.system(), coded.code());
	}

}
