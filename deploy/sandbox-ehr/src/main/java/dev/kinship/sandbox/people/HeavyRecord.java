package dev.kinship.sandbox.people;

import java.util.List;

import dev.kinship.sandbox.fhir.ResourceStore;
import dev.kinship.sandbox.people.DemoCatalogue.ConditionSpec;
import dev.kinship.sandbox.people.DemoCatalogue.DemoPatient;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import org.springframework.stereotype.Component;

/**
 * The record of {@link DemoCatalogue#HEAVY_RECORD}: type 2 diabetes and heart failure,
 * ten active care plans of three activities each, and fifty active medication requests
 * (the six catalogue medicines in turn), besides the goals, care team and appointments
 * every demo patient has. Used to measure how Kinship copes with a long record.
 */
@Component
class HeavyRecord {

	static final int CARE_PLANS = 10;

	static final int MEDICATION_REQUESTS = 50;

	HeavyRecord(ResourceStore store) {
		DemoPatient demo = DemoCatalogue.HEAVY_RECORD;
		Reference subject = new Reference("Patient/" + demo.id()).setDisplay(demo.name());
		Patient patient = new Patient();
		patient.setId(demo.id());
		patient.addName(new HumanName().setFamily(demo.family()).addGiven(demo.given()));
		patient.setGender(AdministrativeGender.fromCode(demo.gender()));
		patient.setBirthDateElement(new DateType(demo.birthDate()));
		store.put(patient);
		List<ConditionSpec> conditions = demo.conditions().stream().map(DemoCatalogue.CONDITIONS::get).toList();
		for (ConditionSpec spec : conditions) {
			store.put(DemoRecords.condition(demo, spec, "active"));
			store.put(DemoRecords.goal(demo, spec, subject));
		}
		for (int n = 1; n <= CARE_PLANS; n++) {
			store.put(carePlan(demo, conditions.get(n % conditions.size()), n, subject));
		}
		List<ConditionSpec> medicines = DemoCatalogue.CONDITIONS.values()
			.stream()
			.sorted(java.util.Comparator.comparing(ConditionSpec::key))
			.toList();
		for (int n = 1; n <= MEDICATION_REQUESTS; n++) {
			store.put(medication(demo, medicines.get(n % medicines.size()), n, subject));
		}
		store.put(DemoRecords.careTeam(demo, subject));
		store.put(DemoRecords.appointment(demo, 14, "Follow-up visit with Dr. Sarah Lin", "dr-sarah-lin"));
		store.put(DemoRecords.appointment(demo, 35, "Support-group check-in with Tom Alvarez", "tom-alvarez"));
	}

	private static CarePlan carePlan(DemoPatient demo, ConditionSpec spec, int n, Reference subject) {
		CarePlan plan = new CarePlan();
		plan.setId("%s-careplan-%02d".formatted(demo.id(), n));
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN).setSubject(subject);
		plan.setTitle("%s plan %d".formatted(spec.name(), n));
		plan.getPeriod().setStart(DemoRecords.daysFromNow(-10 * n));
		plan.addAddresses(new Reference("Condition/" + demo.id() + "-" + spec.key()));
		plan.addGoal(new Reference("Goal/" + demo.id() + "-" + spec.key() + "-goal"));
		spec.activities()
			.forEach((activity) -> plan.addActivity()
				.getDetail()
				.setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS)
				.setDescription(activity)
				.setScheduled(new StringType("As agreed with your care team")));
		return plan;
	}

	private static MedicationRequest medication(DemoPatient demo, ConditionSpec spec, int n, Reference subject) {
		MedicationRequest request = DemoRecords.medication(demo, spec, subject);
		request.setId("%s-med-%02d".formatted(demo.id(), n));
		request.setAuthoredOn(DemoRecords.daysFromNow(-n));
		if (!demo.conditions().contains(spec.key())) {
			// a medicine for a condition Harriet does not have gives no reason
			request.getReasonReference().clear();
		}
		return request;
	}

}
