package org.kinship.launch;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The identifier systems of what Kinship writes to an EHR, by which a write sent again is
 * found instead of made twice ({@link EhrWrites}): {@code urn:kinship:<kind>}, or
 * {@code urn:kinship:<installation>:<kind>} when {@code kinship.launch.installation}
 * names this installation. Two installations that write to the same EHR (a health
 * system's production and its test Kinship, say) must each be named: both number their
 * referrals and answers from 1, and the second to write "referral 42" would otherwise be
 * answered with the first one's.
 */
@Component
public class EhrIdentifiers {

	private final String prefix;

	@Autowired
	EhrIdentifiers(LaunchProperties properties) {
		this(properties.installation());
	}

	private EhrIdentifiers(@Nullable String installation) {
		this.prefix = "urn:kinship:" + ((installation == null || installation.isBlank()) ? "" : installation + ":");
	}

	/**
	 * The identifiers of an installation.
	 * @param installation its name, or {@code null} for an installation that needs none
	 * @return the identifiers
	 */
	public static EhrIdentifiers of(@Nullable String installation) {
		return new EhrIdentifiers(installation);
	}

	/**
	 * The system of one kind of write's identifiers.
	 * @param kind such as {@code referral}
	 * @return such as {@code urn:kinship:referral}
	 */
	public String system(String kind) {
		return this.prefix + kind;
	}

}
