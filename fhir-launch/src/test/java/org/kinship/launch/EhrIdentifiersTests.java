package org.kinship.launch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EhrIdentifiersTests {

	@Test
	void anInstallationWithoutANameWritesKinshipsOwnSystems() {
		assertThat(EhrIdentifiers.of(null).system("referral")).isEqualTo("urn:kinship:referral");
		assertThat(EhrIdentifiers.of(" ").system("referral")).isEqualTo("urn:kinship:referral");
	}

	@Test
	void twoNamedInstallationsNeverShareASystem() {
		String production = EhrIdentifiers.of("production").system("referral");
		String test = EhrIdentifiers.of("test").system("referral");
		assertThat(production).isEqualTo("urn:kinship:production:referral");
		assertThat(test).isEqualTo("urn:kinship:test:referral").isNotEqualTo(production);
	}

}
