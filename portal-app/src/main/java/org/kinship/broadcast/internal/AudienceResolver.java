package org.kinship.broadcast.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.kinship.broadcast.AudienceSpec;
import org.kinship.broadcast.Broadcast;
import org.kinship.groups.CodeSet;
import org.kinship.groups.Cohorts;
import org.kinship.groups.Cohorts.CohortMember;
import org.kinship.groups.Cohorts.CohortUnavailable;
import org.kinship.shared.Refused;

import org.springframework.stereotype.Component;

/**
 * Turns a broadcast's audience into its recipients, at the moment it is previewed or
 * sent. A record-defined cohort is resolved against the EHR in full or not at all.
 */
@Component
public class AudienceResolver {

	private static final Pattern RXNORM = Pattern.compile("[0-9]{1,12}");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

	private final Cohorts cohorts;

	private final BroadcastProperties properties;

	AudienceResolver(Cohorts cohorts, BroadcastProperties properties) {
		this.cohorts = cohorts;
		this.properties = properties;
	}

	/**
	 * Checks that an audience is fully chosen, without asking the EHR.
	 * @param audience the audience
	 * @throws Refused when no group or no code is chosen, or a code is not valid
	 */
	public void check(AudienceSpec audience) {
		if (audience.kind() == AudienceSpec.Kind.GROUPS) {
			if (audience.groupIds().isEmpty()) {
				throw new Refused("broadcast.error.no-groups");
			}
			return;
		}
		if (CodeSet.parse(audience.snomedCodes(), audience.icd10Codes()).isEmpty()) {
			throw new Refused("broadcast.error.no-codes");
		}
		rxnorm(audience.rxnormCodes());
	}

	/**
	 * The recipients of a broadcast, each once.
	 * @param broadcast the broadcast
	 * @return the recipients
	 * @throws Refused when the audience is not fully chosen, or a cohort cannot be
	 * resolved ({@code broadcast.error.cohort})
	 */
	public List<CohortMember> recipients(Broadcast broadcast) {
		AudienceSpec audience = broadcast.audience();
		check(audience);
		if (audience.kind() == AudienceSpec.Kind.GROUPS) {
			return this.cohorts.membersOf(broadcast.issuer(), audience.groupIds());
		}
		try {
			return this.cohorts.matching(broadcast.issuerKey(),
					CodeSet.parse(audience.snomedCodes(), audience.icd10Codes()), rxnorm(audience.rxnormCodes()),
					this.properties.cohortScan(), this.properties.cohortTimeout());
		}
		catch (CohortUnavailable ex) {
			throw new Refused("broadcast.error.cohort");
		}
	}

	private static Set<String> rxnorm(String text) {
		Set<String> codes = new LinkedHashSet<>();
		List<String> invalid = new java.util.ArrayList<>();
		for (String token : SEPARATORS.split(text.strip())) {
			if (!token.isEmpty()) {
				(RXNORM.matcher(token).matches() ? codes : invalid).add(token);
			}
		}
		if (!invalid.isEmpty()) {
			throw new Refused("broadcast.error.rxnorm", String.join(", ", invalid));
		}
		return codes;
	}

}
