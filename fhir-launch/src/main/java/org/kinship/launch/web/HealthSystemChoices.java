package org.kinship.launch.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.IssuerRegistry.RegisteredIssuer;
import org.kinship.launch.internal.Brand;
import org.kinship.launch.internal.UserAccessBrands;

import org.springframework.stereotype.Component;

/**
 * What "choose your health system" offers: every registered EHR that allows a standalone
 * launch, once for each User-access Brand reached through its standalone FHIR base (with
 * the brand's name, logo and portal), or by its configured name when no brand names it.
 * An EHR marked EHR-launch only is never offered, whatever the brands say.
 */
@Component
class HealthSystemChoices {

	private final IssuerRegistry issuers;

	private final UserAccessBrands brands;

	HealthSystemChoices(IssuerRegistry issuers, UserAccessBrands brands) {
		this.issuers = issuers;
		this.brands = brands;
	}

	List<Choice> all() {
		List<Brand> known = this.brands.all();
		List<Choice> choices = new ArrayList<>();
		for (RegisteredIssuer issuer : this.issuers.standalone()) {
			List<Brand> branded = known.stream()
				.filter((brand) -> brand.reachedThrough(issuer.standaloneFhirBaseUrl()))
				.toList();
			if (branded.isEmpty()) {
				choices.add(new Choice(issuer.key(), issuer.displayName(), null, null, null));
			}
			branded.forEach((brand) -> choices
				.add(new Choice(issuer.key(), brand.name(), brand.logo(), brand.portalName(), brand.portalUrl())));
		}
		choices.sort(Comparator.comparing((Choice choice) -> choice.name().toLowerCase(Locale.ROOT)));
		return choices;
	}

	/**
	 * One health system on the page.
	 *
	 * @param issuerKey the registration that a standalone launch goes to
	 * @param name the name people know it by
	 * @param logo its logo (https or a path on Kinship), or {@code null}
	 * @param portalName its patient portal's name, or {@code null}
	 * @param portalUrl its patient portal (https), or {@code null}
	 */
	record Choice(String issuerKey, String name, @Nullable String logo, @Nullable String portalName,
			@Nullable String portalUrl) {
	}

}
