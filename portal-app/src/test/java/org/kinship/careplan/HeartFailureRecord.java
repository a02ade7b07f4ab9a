package org.kinship.careplan;

/**
 * A small record in FHIR R4 JSON for patient {@code p1}: heart failure and type 2
 * diabetes, a care plan for each (and a finished one), goals, prescriptions (and a
 * stopped one), a care team and appointments (and a past one).
 */
final class HeartFailureRecord {

	private HeartFailureRecord() {
	}

	static final String HF_CONDITION = """
			{"resourceType": "Condition", "id": "hf-1", "subject": {"reference": "Patient/p1"},
			 "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
			 "code": {"coding": [{"system": "http://snomed.info/sct", "code": "88805009",
			  "display": "Chronic congestive heart failure (disorder)"}]}}""";

	static final String DM_CONDITION = """
			{"resourceType": "Condition", "id": "dm-1", "subject": {"reference": "Patient/p1"},
			 "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
			 "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006",
			  "display": "Diabetes mellitus type 2 (disorder)"}]}}""";

	static final String HF_PLAN = """
			{"resourceType": "CarePlan", "id": "cp-hf", "status": "active", "intent": "plan",
			 "subject": {"reference": "Patient/p1"}, "addresses": [{"reference": "Condition/hf-1"}],
			 "goal": [{"reference": "Goal/g-hf"}],
			 "category": [{"coding": [{"system": "http://snomed.info/sct", "code": "735984001",
			  "display": "Heart failure self management plan"}]}],
			 "activity": [
			  {"detail": {"status": "not-started", "description": "Low-salt diet"}},
			  {"detail": {"status": "in-progress", "code": {"text": "Daily weight"},
			   "scheduledTiming": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}}}]}""";

	static final String DM_PLAN = """
			{"resourceType": "CarePlan", "id": "cp-dm", "status": "active", "intent": "plan",
			 "subject": {"reference": "Patient/p1"}, "addresses": [{"reference": "Condition/dm-1"}],
			 "title": "Diabetes plan",
			 "activity": [{"detail": {"status": "in-progress", "description": "Walk 30 minutes a day",
			  "scheduledString": "Every morning"}}]}""";

	static final String FINISHED_PLAN = """
			{"resourceType": "CarePlan", "id": "cp-old", "status": "completed", "intent": "plan",
			 "subject": {"reference": "Patient/p1"},
			 "activity": [{"detail": {"status": "completed", "description": "Rest after bronchitis"}}]}""";

	static final String DM_GOAL = """
			{"resourceType": "Goal", "id": "g-dm", "lifecycleStatus": "active", "subject": {"reference": "Patient/p1"},
			 "description": {"text": "Bring my A1c below 7%"}, "addresses": [{"reference": "Condition/dm-1"}],
			 "achievementStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/goal-achievement", "code": "improving"}]},
			 "target": [{"measure": {"text": "HbA1c"}, "detailQuantity": {"value": 7.0, "comparator": "<", "unit": "%"},
			  "dueDate": "2027-03-01"}]}""";

	static final String HF_GOAL = """
			{"resourceType": "Goal", "id": "g-hf", "lifecycleStatus": "accepted", "subject": {"reference": "Patient/p1"},
			 "description": {"text": "Improved systolic function"}}""";

	static final String FINISHED_GOAL = """
			{"resourceType": "Goal", "id": "g-done", "lifecycleStatus": "completed", "subject": {"reference": "Patient/p1"},
			 "description": {"text": "Stop smoking"}}""";

	static final String DM_MEDICATION = """
			{"resourceType": "MedicationRequest", "id": "m-dm", "status": "active", "intent": "order",
			 "subject": {"reference": "Patient/p1"}, "reasonReference": [{"reference": "Condition/dm-1"}],
			 "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
			  "code": "860975", "display": "Metformin 500 MG Extended Release Oral Tablet"}]},
			 "dosageInstruction": [{"text": "Take 1 tablet twice a day with meals"}]}""";

	static final String HF_MEDICATION = """
			{"resourceType": "MedicationRequest", "id": "m-hf", "status": "active", "intent": "order",
			 "subject": {"reference": "Patient/p1"}, "reasonReference": [{"reference": "Condition/hf-1"}],
			 "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
			  "code": "313988", "display": "Furosemide 40 MG Oral Tablet"}]},
			 "dosageInstruction": [{"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}}]}""";

	static final String STOPPED_MEDICATION = """
			{"resourceType": "MedicationRequest", "id": "m-old", "status": "stopped", "intent": "order",
			 "subject": {"reference": "Patient/p1"}, "medicationCodeableConcept": {"text": "Amoxicillin 250 MG"}}""";

	static final String CARE_TEAM_WITH_CARDIOLOGIST = """
			{"resourceType": "Bundle", "type": "searchset", "entry": [
			 {"resource": {"resourceType": "CareTeam", "id": "team-1", "status": "active", "subject": {"reference": "Patient/p1"},
			  "participant": [
			   {"member": {"reference": "Practitioner/dr-1"}, "role": [{"text": "Cardiologist"}]},
			   {"member": {"reference": "Practitioner/nurse-1", "display": "Nurse Ben Okoro"}, "role": [{"text": "Heart failure nurse"}]},
			   {"member": {"reference": "Patient/p1", "display": "Pat Example"}}]},
			  "search": {"mode": "match"}},
			 {"resource": {"resourceType": "Practitioner", "id": "dr-1", "name": [{"prefix": ["Dr."], "given": ["Ada"], "family": "Heart"}]},
			  "search": {"mode": "include"}}]}""";

	static final String APPOINTMENTS_WITH_CARDIOLOGIST = """
			{"resourceType": "Bundle", "type": "searchset", "entry": [
			 {"resource": {"resourceType": "Appointment", "id": "a-past", "status": "fulfilled", "description": "Old visit",
			  "start": "2001-01-05T10:00:00+01:00",
			  "participant": [{"actor": {"reference": "Patient/p1"}, "status": "accepted"}]}},
			 {"resource": {"resourceType": "Appointment", "id": "a-1", "status": "booked", "description": "Heart clinic",
			  "start": "2099-01-05T10:00:00+01:00",
			  "participant": [{"actor": {"reference": "Patient/p1"}, "status": "accepted"},
			   {"actor": {"reference": "Practitioner/dr-1"}, "status": "accepted"}]}},
			 {"resource": {"resourceType": "Practitioner", "id": "dr-1", "name": [{"prefix": ["Dr."], "given": ["Ada"], "family": "Heart"}]},
			  "search": {"mode": "include"}}]}""";

	/**
	 * Every part of the record stubbed on the EHR, as one patient's.
	 * @param ehr the EHR
	 * @param patient the patient the record is about
	 */
	static void stubOn(WireMockEhr ehr, String patient) {
		ehr.stubSearch("Condition", of(patient, HF_CONDITION, DM_CONDITION));
		ehr.stubSearch("CarePlan", of(patient, DM_PLAN, HF_PLAN, FINISHED_PLAN));
		ehr.stubSearch("Goal", of(patient, DM_GOAL, HF_GOAL, FINISHED_GOAL));
		ehr.stubSearch("MedicationRequest", of(patient, DM_MEDICATION, STOPPED_MEDICATION, HF_MEDICATION));
		ehr.stubBundle("CareTeam", of(patient, CARE_TEAM_WITH_CARDIOLOGIST)[0]);
		ehr.stubBundle("Appointment", of(patient, APPOINTMENTS_WITH_CARDIOLOGIST)[0]);
	}

	static String[] of(String patient, String... resources) {
		return java.util.Arrays.stream(resources)
			.map((resource) -> resource.replace("Patient/p1", "Patient/" + patient))
			.toArray(String[]::new);
	}

}
