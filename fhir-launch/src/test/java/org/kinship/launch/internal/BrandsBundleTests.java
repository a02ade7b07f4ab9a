package org.kinship.launch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SMART User-access Brands Bundle read as "choose your health system" shows it: names,
 * logos, portals and endpoints as the spec places them, affiliates through
 * {@code partOf}, and nothing unsafe to put in a page.
 */
class BrandsBundleTests {

	static final String COUNTY = "https://fhir.county.example.org/r4";

	static final String SHADY = "https://fhir.shady.example.net/r4";

	final List<Brand> brands = BrandsBundle.brands(bundle());

	@Test
	void readsNameLogoPortalAndEndpointsOfABrand() {
		assertThat(brand("County Health"))
			.isEqualTo(new Brand("County Health", "https://brands.example.org/county/logo.svg", "County MyChart",
					"https://mychart.county.example.org", java.util.Set.of(COUNTY)));
	}

	@Test
	void anAffiliateTakesPortalEndpointsAndLogoFromTheBrandThatProvidesItsAccess() {
		Brand harbor = brand("Harbor Children's");
		assertThat(harbor.reachedThrough(COUNTY)).isTrue();
		assertThat(harbor.portalUrl()).isEqualTo("https://mychart.county.example.org");
		// its own logo was a script, so the providing brand's is shown
		assertThat(harbor.logo()).isEqualTo("https://brands.example.org/county/logo.svg");
	}

	@Test
	void dropsLogosAndPortalsThatAreNotSafeToPutInAPage() {
		Brand shady = brand("Shady Clinic");
		assertThat(shady.logo()).isNull();
		assertThat(shady.portalUrl()).isNull();
		assertThat(shady.portalName()).isNull();
		assertThat(shady.reachedThrough(SHADY)).isTrue();
	}

	@Test
	void leavesOutAnInactiveOrganization() {
		assertThat(this.brands).extracting(Brand::name).doesNotContain("Closed Hospital");
	}

	@Test
	void acceptsOnlyHttpsLogosOrPathsOnKinship() {
		assertThat(BrandsBundle.safeImage("/brands/logo.svg")).isEqualTo("/brands/logo.svg");
		assertThat(BrandsBundle.safeImage("https://cdn.example.org/l.png")).isEqualTo("https://cdn.example.org/l.png");
		assertThat(List.of("//evil.example/l.png", "http://cdn.example.org/l.png", "data:image/svg+xml;utf8,<svg/>",
				"javascript:alert(1)", "/\\evil.example"))
			.allSatisfy((url) -> assertThat(BrandsBundle.safeImage(url)).isNull());
	}

	private Brand brand(String name) {
		return this.brands.stream().filter((brand) -> brand.name().equals(name)).findFirst().orElseThrow();
	}

	static Bundle bundle() {
		return FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(Bundle.class, text(Map.of("${COUNTY_FHIR}", COUNTY, "${SHADY_FHIR}", SHADY)));
	}

	static String text(Map<String, String> replacements) {
		try (InputStream in = BrandsBundleTests.class.getResourceAsStream("/brands/two-brands.json")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (Map.Entry<String, String> replacement : replacements.entrySet()) {
				text = text.replace(replacement.getKey(), replacement.getValue());
			}
			return text;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
