package org.kinship.careplan.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinship.chat.Treatment;
import org.kinship.groups.CodeCatalog;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.web.SignedIn;

import org.springframework.messaging.simp.SimpAttributes;
import org.springframework.messaging.simp.SimpAttributesContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class SessionMedicinesTests {

	private final SessionMedicines medicines = new SessionMedicines(new SessionRecords(properties()),
			new CodeCatalog());

	private final KinshipPrincipal patient = SignedIn.patient("p1");

	@AfterEach
	void leaveTheThread() {
		RequestContextHolder.resetRequestAttributes();
		SimpAttributesContextHolder.resetAttributes();
	}

	@Test
	void readsTheMedicinesOfTheRecordTheSessionHolds() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.getSession(true).setAttribute(SessionRecords.ATTRIBUTE, record("p1", Instant.now()));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThat(this.medicines.of(this.patient)).containsExactly("Furosemide 40 MG Oral Tablet",
				"Metformin 500 MG Oral Tablet", "Zestril");
	}

	@Test
	void readsTheSocketsCopyOfTheSessionWhateverItsAge() {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(SessionRecords.ATTRIBUTE, record("p1", Instant.now().minus(Duration.ofHours(1))));
		SimpAttributesContextHolder.setAttributes(new SimpAttributes("socket-1", attributes));
		assertThat(this.medicines.of(this.patient)).contains("Furosemide 40 MG Oral Tablet");
	}

	@Test
	void givesNothingWithoutARecordOfThisPatient() {
		assertThat(this.medicines.of(this.patient)).isEmpty();
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.getSession(true).setAttribute(SessionRecords.ATTRIBUTE, record("p2", Instant.now()));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThat(this.medicines.of(this.patient)).isEmpty();
	}

	@Test
	void givesNothingForAClinician() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.getSession(true).setAttribute(SessionRecords.ATTRIBUTE, record("p1", Instant.now()));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThat(this.medicines.of(SignedIn.manager("d1"))).isEmpty();
	}

	@Test
	void namesTheIngredientsOfThePatientsOwnMedicinesByCodeOrName() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.getSession(true).setAttribute(SessionRecords.ATTRIBUTE, record("p1", Instant.now()));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThat(this.medicines.ingredients(this.patient)).containsExactly(
				new Treatment("4603", "furosemide", "furosemida"), new Treatment("29046", "lisinopril", "lisinopril"),
				new Treatment("6809", "metformin", "metformina"));
		assertThat(this.medicines.ingredients(SignedIn.manager("d1"))).as("a clinician").isEmpty();
	}

	private static CarePlanRecord record(String patientId, Instant readAt) {
		List<MedicationCard> cards = List.of(
				new MedicationCard("m1", "Furosemide 40 MG Oral Tablet", null, null, Concerns.NONE),
				new MedicationCard("m2", null, null, null, Concerns.NONE),
				new MedicationCard("m3", "Metformin 500 MG Oral Tablet", null, null, Concerns.NONE),
				new MedicationCard("m4", "Zestril", null, null, Concerns.NONE, List.of("29046")));
		return new CarePlanRecord("https://ehr.example/fhir", patientId, null, readAt, false,
				Section.missing(SectionStatus.SHOWN), Section.missing(SectionStatus.SHOWN),
				new Section<>(SectionStatus.SHOWN, cards, null, false), Section.missing(SectionStatus.SHOWN),
				Section.missing(SectionStatus.SHOWN), Section.missing(SectionStatus.SHOWN));
	}

	private static CarePlanProperties properties() {
		return new CarePlanProperties(Duration.ofSeconds(2), Duration.ofMinutes(5), 50, 100, 8, 4, 500);
	}

}
