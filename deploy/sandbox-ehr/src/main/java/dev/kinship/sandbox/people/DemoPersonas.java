package dev.kinship.sandbox.people;

import java.util.List;
import java.util.Optional;

import dev.kinship.sandbox.people.Persona.PersonaRole;

import org.springframework.stereotype.Component;

/**
 * The demo people everyone launches in development and tests, with stable ids.
 */
@Component
class DemoPersonas implements PersonaDirectory {

	private static final List<Persona> PEOPLE = List.of(patient("maria-santos", "Maria Santos", "Type 2 diabetes"),
			patient("james-carter", "James Carter", "Type 2 diabetes", "Chronic pain"),
			patient("linda-okafor", "Linda Okafor", "Heart failure"),
			patient("robert-nguyen", "Robert Nguyen", "Heart failure", "COPD"),
			patient("patricia-kowalski", "Patricia Kowalski", "COPD"),
			patient("daniel-reyes", "Daniel Reyes", "Epilepsy"), patient("emily-chen", "Emily Chen", "Epilepsy"),
			patient("aisha-rahman", "Aisha Rahman", "Chronic pain"),
			patient("walter-brooks", "Walter Brooks", "Alzheimer's disease"),
			new Persona("grace-brooks", "Grace Brooks", PersonaRole.CAREGIVER, "RelatedPerson/grace-brooks",
					"walter-brooks", List.of("Alzheimer's disease")),
			new Persona("dr-sarah-lin", "Dr. Sarah Lin", PersonaRole.CLINICIAN, "Practitioner/dr-sarah-lin",
					"maria-santos", List.of("Type 2 diabetes")),
			new Persona("tom-alvarez", "Tom Alvarez, LCSW", PersonaRole.CLINICIAN, "Practitioner/tom-alvarez",
					"walter-brooks", List.of("Alzheimer's disease")));

	@Override
	public List<Persona> all() {
		return PEOPLE;
	}

	@Override
	public Optional<Persona> find(String id) {
		return PEOPLE.stream().filter((persona) -> persona.id().equals(id)).findFirst();
	}

	private static Persona patient(String id, String name, String... conditions) {
		return new Persona(id, name, PersonaRole.PATIENT, "Patient/" + id, id, List.of(conditions));
	}

}
