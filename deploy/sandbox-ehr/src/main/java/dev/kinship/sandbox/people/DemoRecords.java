package dev.kinship.sandbox.people;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import dev.kinship.sandbox.fhir.ResourceStore;
import dev.kinship.sandbox.people.DemoCatalogue.Code;
import dev.kinship.sandbox.people.DemoCatalogue.ConditionSpec;
import dev.kinship.sandbox.people.DemoCatalogue.DemoPatient;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.StringType;

import org.springframework.stereotype.Component;

/**
 * Writes the demo people's records into the store at start, with fixed ids: Conditions
 * coded in SNOMED CT and ICD-10-CM, an active CarePlan, Goals, MedicationRequests
 * (RxNorm), a CareTeam and upcoming Appointments for each patient; Walter's caregiver;
 * and the two clinicians. Dates are relative to today.
 */
@Component
class DemoRecords {

	static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

	DemoRecords(ResourceStore store) {
		clinicians().forEach(store::put);
		for (DemoPatient patient : DemoCatalogue.PATIENTS) {
			write(patient, store);
		}
		store.put(caregiver());
	}

	private static void write(DemoPatient demo, ResourceStore store) {
		Reference subject = new Reference("Patient/" + demo.id()).setDisplay(demo.name());
		Patient patient = new Patient();
		patient.setId(demo.id());
		patient.addName(new HumanName().setFamily(demo.family()).addGiven(demo.given()));
		patient.setGender(AdministrativeGender.fromCode(demo.gender()));
		patient.setBirthDateElement(new DateType(demo.birthDate()));
		// an address for Kinship's notifications to offer; one patient has none, as many
		// records do, so that the settings page's request for one can be seen
		if (!"daniel-reyes".equals(demo.id())) {
			patient.addTelecom()
				.setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.EMAIL)
				.setUse(org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.HOME)
				.setValue(demo.id() + "@patients.sandbox.example");
		}
		store.put(patient);
		CarePlan plan = new CarePlan();
		plan.setId(demo.id() + "-careplan");
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN).setSubject(subject);
		plan.setTitle("Care plan for " + demo.name());
		plan.getPeriod().setStart(daysFromNow(-90));
		for (String key : demo.conditions()) {
			ConditionSpec spec = DemoCatalogue.CONDITIONS.get(key);
			store.put(condition(demo, spec, "active"));
			store.put(medication(demo, spec, subject));
			Goal goal = goal(demo, spec, subject);
			store.put(goal);
			plan.addAddresses(new Reference("Condition/" + demo.id() + "-" + key));
			plan.addGoal(new Reference("Goal/" + goal.getIdElement().getIdPart()));
			spec.activities()
				.forEach((activity) -> plan.addActivity()
					.getDetail()
					.setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS)
					.setDescription(activity)
					.setScheduled(new StringType("As agreed with your care team")));
		}
		for (String key : demo.resolved()) {
			store.put(condition(demo, DemoCatalogue.CONDITIONS.get(key), "resolved"));
		}
		store.put(plan);
		store.put(careTeam(demo, subject));
		store.put(appointment(demo, 14, "Follow-up visit with Dr. Sarah Lin", "dr-sarah-lin"));
		store.put(appointment(demo, 35, "Support-group check-in with Tom Alvarez", "tom-alvarez"));
	}

	static Condition condition(DemoPatient demo, ConditionSpec spec, String clinicalStatus) {
		Condition condition = new Condition();
		condition.setId(demo.id() + "-" + spec.key());
		condition.setSubject(new Reference("Patient/" + demo.id()));
		condition.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, clinicalStatus, null)));
		condition.setCode(concept(spec.name(), spec.snomed(), spec.icd10()));
		condition.setOnset(new org.hl7.fhir.r4.model.DateTimeType(daysFromNow(-400)));
		return condition;
	}

	static MedicationRequest medication(DemoPatient demo, ConditionSpec spec, Reference subject) {
		MedicationRequest request = new MedicationRequest();
		request.setId(demo.id() + "-" + spec.key() + "-med");
		request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
			.setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
			.setSubject(subject)
			.setMedication(concept(spec.medication().display(), spec.medication()))
			.setAuthoredOn(daysFromNow(-60))
			.addDosageInstruction()
			.setText(spec.dosage());
		request.addReasonReference(new Reference("Condition/" + demo.id() + "-" + spec.key()));
		return request;
	}

	static Goal goal(DemoPatient demo, ConditionSpec spec, Reference subject) {
		Goal goal = new Goal();
		goal.setId(demo.id() + "-" + spec.key() + "-goal");
		goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE)
			.setSubject(subject)
			.setDescription(new CodeableConcept().setText(spec.goal()))
			.setAchievementStatus(new CodeableConcept(
					new Coding("http://terminology.hl7.org/CodeSystem/goal-achievement", "improving", "Improving")));
		goal.addTarget().setDue(new DateType(daysFromNow(90))).setDetail(new StringType(spec.goalTarget()));
		goal.addAddresses(new Reference("Condition/" + demo.id() + "-" + spec.key()));
		return goal;
	}

	static CareTeam careTeam(DemoPatient demo, Reference subject) {
		CareTeam team = new CareTeam();
		team.setId(demo.id() + "-careteam");
		team.setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(subject).setName("Care team of " + demo.name());
		team.addParticipant()
			.setMember(new Reference("Practitioner/dr-sarah-lin").setDisplay("Dr. Sarah Lin"))
			.addRole(new CodeableConcept().setText("Primary care physician"));
		team.addParticipant()
			.setMember(new Reference("Practitioner/tom-alvarez").setDisplay("Tom Alvarez, LCSW"))
			.addRole(new CodeableConcept().setText("Clinical social worker"));
		return team;
	}

	static Appointment appointment(DemoPatient demo, int inDays, String description, String practitioner) {
		Appointment appointment = new Appointment();
		appointment.setId(demo.id() + "-appt-" + inDays);
		appointment.setStatus(Appointment.AppointmentStatus.BOOKED).setDescription(description);
		appointment.setStart(daysFromNow(inDays));
		appointment.setEnd(new Date(appointment.getStart().getTime() + 30 * 60 * 1000));
		appointment.addParticipant()
			.setActor(new Reference("Patient/" + demo.id()))
			.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		appointment.addParticipant()
			.setActor(new Reference("Practitioner/" + practitioner))
			.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		return appointment;
	}

	private static RelatedPerson caregiver() {
		RelatedPerson grace = new RelatedPerson();
		grace.setId("grace-brooks");
		grace.setPatient(new Reference("Patient/walter-brooks"));
		grace.addName(new HumanName().setFamily("Brooks").addGiven("Grace"));
		grace.addRelationship(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "DAU", "natural daughter")));
		return grace;
	}

	private static java.util.List<org.hl7.fhir.r4.model.Resource> clinicians() {
		Practitioner lin = practitioner("dr-sarah-lin", "Sarah", "Lin", "Dr.");
		Practitioner alvarez = practitioner("tom-alvarez", "Tom", "Alvarez", null);
		PractitionerRole linRole = new PractitionerRole().setPractitioner(new Reference("Practitioner/dr-sarah-lin"))
			.addCode(new CodeableConcept().setText("Physician, community manager"));
		linRole.setId("dr-sarah-lin-role");
		PractitionerRole alvarezRole = new PractitionerRole().setPractitioner(new Reference("Practitioner/tom-alvarez"))
			.addCode(new CodeableConcept().setText("Licensed clinical social worker, support-group facilitator"));
		alvarezRole.setId("tom-alvarez-role");
		return java.util.List.of(lin, alvarez, linRole, alvarezRole);
	}

	private static Practitioner practitioner(String id, String given, String family, String prefix) {
		Practitioner practitioner = new Practitioner();
		practitioner.setId(id);
		HumanName name = practitioner.addName().setFamily(family).addGiven(given);
		if (prefix != null) {
			name.addPrefix(prefix);
		}
		return practitioner;
	}

	static CodeableConcept concept(String text, Code... codes) {
		CodeableConcept concept = new CodeableConcept().setText(text);
		for (Code code : codes) {
			concept.addCoding(new Coding(code.system(), code.code(), code.display()));
		}
		return concept;
	}

	static Date daysFromNow(int days) {
		return Date.from(LocalDate.now(ZoneOffset.UTC).plusDays(days).atTime(15, 0).toInstant(ZoneOffset.UTC));
	}

}
