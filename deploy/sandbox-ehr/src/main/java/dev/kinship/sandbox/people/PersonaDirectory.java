package dev.kinship.sandbox.people;

import java.util.List;
import java.util.Optional;

/**
 * Everyone the sandbox can launch: the demo people created at start and the patients of
 * imported bundles.
 */
public interface PersonaDirectory {

	/**
	 * Every persona, demo people first, in a stable order.
	 * @return the personas
	 */
	List<Persona> all();

	/**
	 * The persona with this id.
	 * @param id the persona id
	 * @return the persona, if there is one
	 */
	Optional<Persona> find(String id);

}
