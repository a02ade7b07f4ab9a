package org.kinship.launch.internal;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A SMART User-access Brand as the "choose your health system" page shows it. The logo
 * and the portal's address are kept only when safe to put in a page: the logo an
 * {@code https} URL or a path on Kinship itself, the portal an {@code https} URL.
 *
 * @param name the brand's name (the Organization's)
 * @param logo the brand's logo, or {@code null}
 * @param portalName the patient portal's name, or {@code null}
 * @param portalUrl the patient portal's address, or {@code null}
 * @param endpoints the FHIR base URLs that give access to the brand's records, without a
 * trailing slash
 */
public record Brand(String name, @Nullable String logo, @Nullable String portalName, @Nullable String portalUrl,
		Set<String> endpoints) {

	/**
	 * Whether a FHIR base gives access to this brand's records.
	 * @param fhirBase a FHIR base URL without a trailing slash
	 * @return true when one of the brand's endpoints is that base
	 */
	public boolean reachedThrough(String fhirBase) {
		return this.endpoints.contains(fhirBase);
	}

}
