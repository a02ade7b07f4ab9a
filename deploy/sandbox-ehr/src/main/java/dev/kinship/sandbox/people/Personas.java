package dev.kinship.sandbox.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.kinship.sandbox.fhir.ResourceStore;
import dev.kinship.sandbox.people.DemoCatalogue.DemoPatient;
import dev.kinship.sandbox.people.Persona.PersonaRole;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;

import org.springframework.stereotype.Component;

/**
 * Everyone the sandbox can launch: the demo patients, the patient with a long record,
 * Walter's caregiver, the two clinicians, then every imported patient with the active
 * conditions of their record.
 */
@Component
class Personas implements PersonaDirectory {

	private final List<Persona> personas;

	// DemoRecords and HeavyRecord are asked for so that the demo records are in the store
	// before they are read
	Personas(DemoRecords demo, HeavyRecord heavy, BundleImport imports, ResourceStore store) {
		List<Persona> all = new ArrayList<>();
		for (DemoPatient patient : DemoCatalogue.PATIENTS) {
			all.add(new Persona(patient.id(), patient.name(), PersonaRole.PATIENT, "Patient/" + patient.id(),
					patient.id(), activeConditions(store, patient.id())));
		}
		DemoPatient heavyRecord = DemoCatalogue.HEAVY_RECORD;
		all.add(new Persona(heavyRecord.id(), heavyRecord.name(), PersonaRole.PATIENT, "Patient/" + heavyRecord.id(),
				heavyRecord.id(), activeConditions(store, heavyRecord.id())));
		all.add(new Persona("grace-brooks", "Grace Brooks", PersonaRole.CAREGIVER, "RelatedPerson/grace-brooks",
				"walter-brooks", activeConditions(store, "walter-brooks")));
		all.add(new Persona("dr-sarah-lin", "Dr. Sarah Lin", PersonaRole.CLINICIAN, "Practitioner/dr-sarah-lin",
				"maria-santos", activeConditions(store, "maria-santos")));
		all.add(new Persona("tom-alvarez", "Tom Alvarez, LCSW", PersonaRole.CLINICIAN, "Practitioner/tom-alvarez",
				"walter-brooks", activeConditions(store, "walter-brooks")));
		for (String id : imports.importedPatientIds()) {
			store.get("Patient", id)
				.map((patient) -> new Persona(id, name((Patient) patient), PersonaRole.PATIENT, "Patient/" + id, id,
						activeConditions(store, id)))
				.ifPresent(all::add);
		}
		this.personas = List.copyOf(all);
	}

	@Override
	public List<Persona> all() {
		return this.personas;
	}

	@Override
	public Optional<Persona> find(String id) {
		return this.personas.stream().filter((persona) -> persona.id().equals(id)).findFirst();
	}

	private static List<String> activeConditions(ResourceStore store, String patientId) {
		return store.all("Condition")
			.stream()
			.map(Condition.class::cast)
			.filter((condition) -> condition.getSubject().getReference() != null
					&& condition.getSubject().getReference().equals("Patient/" + patientId))
			.filter((condition) -> condition.getClinicalStatus()
				.getCoding()
				.stream()
				.anyMatch((coding) -> "active".equals(coding.getCode())))
			.map((condition) -> condition.getCode().hasText() ? condition.getCode().getText()
					: condition.getCode().getCodingFirstRep().getDisplay())
			.distinct()
			.sorted()
			.toList();
	}

	private static String name(Patient patient) {
		HumanName name = patient.getNameFirstRep();
		StringBuilder text = new StringBuilder();
		name.getGiven().forEach((given) -> text.append(given.getValue()).append(' '));
		return text.append(name.getFamily()).toString().replaceAll("\\d+", "").trim();
	}

}
