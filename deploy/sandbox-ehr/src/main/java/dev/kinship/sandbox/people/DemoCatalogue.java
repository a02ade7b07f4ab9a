package dev.kinship.sandbox.people;

import java.util.List;
import java.util.Map;

/**
 * What the demo people's records are made of: each condition with its SNOMED CT and
 * ICD-10-CM codes, and the medication, goal and care-plan activities that go with it.
 */
final class DemoCatalogue {

	private DemoCatalogue() {
	}

	record Code(String system, String code, String display) {
	}

	record ConditionSpec(String key, String name, Code snomed, Code icd10, Code medication, String dosage, String goal,
			String goalTarget, List<String> activities) {
	}

	static final String SNOMED = "http://snomed.info/sct";

	static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";

	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	static final Map<String, ConditionSpec> CONDITIONS = Map.of("t2d",
			new ConditionSpec("t2d", "Type 2 diabetes", new Code(SNOMED, "44054006", "Diabetes mellitus type 2"),
					new Code(ICD10, "E11.9", "Type 2 diabetes mellitus without complications"),
					new Code(RXNORM, "860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet"),
					"Take 1 tablet by mouth twice a day with meals", "Bring my A1c below 7%", "HbA1c < 7%",
					List.of("Check blood sugar every morning", "Diabetes self-management class",
							"Walk 30 minutes a day")),
			"hf",
			new ConditionSpec("hf", "Heart failure", new Code(SNOMED, "88805009", "Chronic congestive heart failure"),
					new Code(ICD10, "I50.9", "Heart failure, unspecified"),
					new Code(RXNORM, "313988", "Furosemide 40 MG Oral Tablet"), "Take 1 tablet by mouth every morning",
					"Weigh myself every day and call if I gain 3 pounds", "Weight gain < 3 lb in 2 days",
					List.of("Daily weight", "Low-salt diet", "Cardiac rehabilitation")),
			"copd",
			new ConditionSpec("copd", "COPD", new Code(SNOMED, "13645005", "Chronic obstructive lung disease"),
					new Code(ICD10, "J44.9", "Chronic obstructive pulmonary disease, unspecified"),
					new Code(RXNORM, "745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler"),
					"2 puffs every 4 to 6 hours as needed for shortness of breath",
					"Walk to the mailbox without stopping", "6-minute walk > 300 m",
					List.of("Pulmonary rehabilitation", "Inhaler technique review")),
			"epilepsy",
			new ConditionSpec("epilepsy", "Epilepsy", new Code(SNOMED, "84757009", "Epilepsy"),
					new Code(ICD10, "G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus"),
					new Code(RXNORM, "311289", "Levetiracetam 500 MG Oral Tablet"),
					"Take 1 tablet by mouth twice a day", "Go three months without a seizure", "0 seizures in 90 days",
					List.of("Keep a seizure diary", "Sleep at least 7 hours a night")),
			"pain",
			new ConditionSpec("pain", "Chronic pain", new Code(SNOMED, "82423001", "Chronic pain"),
					new Code(ICD10, "G89.29", "Other chronic pain"),
					new Code(RXNORM, "310965", "Ibuprofen 200 MG Oral Tablet"),
					"Take 2 tablets by mouth every 8 hours as needed", "Do my stretches five days a week",
					"Pain score <= 4 of 10", List.of("Physical therapy twice a week", "Pain coping skills group")),
			"dementia",
			new ConditionSpec("dementia", "Alzheimer's disease", new Code(SNOMED, "26929004", "Alzheimer's disease"),
					new Code(ICD10, "G30.9", "Alzheimer's disease, unspecified"),
					new Code(RXNORM, "997224", "Donepezil hydrochloride 10 MG Oral Tablet"),
					"Take 1 tablet by mouth at bedtime", "Keep a steady daily routine at home", "Stays at home safely",
					List.of("Memory clinic follow-up", "Home safety check", "Caregiver respite planning")));

	/**
	 * A demo patient.
	 *
	 * @param id the Patient id and persona id
	 * @param given given name
	 * @param family family name
	 * @param gender administrative gender
	 * @param birthDate birth date (ISO)
	 * @param conditions keys of active conditions
	 * @param resolved keys of resolved conditions, which suggest nothing
	 */
	record DemoPatient(String id, String given, String family, String gender, String birthDate, List<String> conditions,
			List<String> resolved) {

		String name() {
			return this.given + " " + this.family;
		}

	}

	static final List<DemoPatient> PATIENTS = List.of(
			new DemoPatient("maria-santos", "Maria", "Santos", "female", "1968-04-12", List.of("t2d"), List.of()),
			new DemoPatient("james-carter", "James", "Carter", "male", "1959-09-30", List.of("t2d", "pain"),
					List.of("copd")),
			new DemoPatient("linda-okafor", "Linda", "Okafor", "female", "1951-01-22", List.of("hf"), List.of()),
			new DemoPatient("robert-nguyen", "Robert", "Nguyen", "male", "1947-06-03", List.of("hf", "copd"),
					List.of()),
			new DemoPatient("patricia-kowalski", "Patricia", "Kowalski", "female", "1955-11-17", List.of("copd"),
					List.of()),
			new DemoPatient("daniel-reyes", "Daniel", "Reyes", "male", "1990-02-08", List.of("epilepsy"), List.of()),
			new DemoPatient("emily-chen", "Emily", "Chen", "female", "2001-07-25", List.of("epilepsy"), List.of()),
			new DemoPatient("aisha-rahman", "Aisha", "Rahman", "female", "1979-03-14", List.of("pain"), List.of()),
			new DemoPatient("walter-brooks", "Walter", "Brooks", "male", "1938-12-01", List.of("dementia"), List.of()));

	/**
	 * A patient with a long record, for the care-plan benchmark: ten care plans and fifty
	 * medication requests. Written by {@link HeavyRecord}, apart from the demo patients.
	 */
	static final DemoPatient HEAVY_RECORD = new DemoPatient("heavy-record", "Harriet", "Hale", "female", "1960-05-05",
			List.of("t2d", "hf"), List.of());

}
