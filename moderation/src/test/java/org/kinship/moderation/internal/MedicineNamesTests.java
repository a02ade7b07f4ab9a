package org.kinship.moderation.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MedicineNamesTests {

	@Test
	void aGenericOnTheRecordBringsItsBrands() {
		assertThat(MedicineNames.ofMember(List.of("Furosemide 40 MG Oral Tablet"))).contains("furosemide", "lasix",
				"seguril");
	}

	@Test
	void aBrandOnTheRecordBringsItsGeneric() {
		assertThat(MedicineNames.ofMember(List.of("insulin glargine 100 UNT/ML [Lantus]"))).contains("insulin",
				"lantus", "humalog");
	}

	@Test
	void aMedicineTheTableDoesNotKnowIsReadByItsFirstWord() {
		assertThat(MedicineNames.ofMember(List.of("Tafamidis 61 MG Oral Capsule"))).containsExactly("tafamidis");
	}

	@Test
	void anUnknownRecordIsNothing() {
		assertThat(MedicineNames.ofMember(List.of())).isEmpty();
		assertThat(MedicineNames.ofMember(List.of("40 MG"))).isEmpty();
	}

}
