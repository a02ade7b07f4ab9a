package dev.kinship.sandbox.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.hl7.fhir.instance.model.api.IBaseResource;

import org.springframework.stereotype.Component;

/**
 * The sandbox's records, in memory, by resource type and id. Ids are kept in order so
 * that searches and pages come back the same way each time.
 */
@Component
public class ResourceStore {

	private final Map<String, Map<String, IBaseResource>> resources = new ConcurrentHashMap<>();

	/**
	 * Stores a resource under its own type and id, replacing any earlier one.
	 * @param resource a resource with an id
	 */
	public void put(IBaseResource resource) {
		String type = resource.fhirType();
		String id = resource.getIdElement().getIdPart();
		this.resources.computeIfAbsent(type, (key) -> new ConcurrentSkipListMap<>()).put(id, resource);
	}

	/**
	 * A resource by type and id.
	 * @param type the resource type
	 * @param id the id
	 * @return the resource, if stored
	 */
	public Optional<IBaseResource> get(String type, String id) {
		return Optional.ofNullable(this.resources.getOrDefault(type, Map.of()).get(id));
	}

	/**
	 * Every resource of a type, in id order.
	 * @param type the resource type
	 * @return the resources
	 */
	public List<IBaseResource> all(String type) {
		return List.copyOf(this.resources.getOrDefault(type, Map.of()).values());
	}

	/**
	 * How many resources of a type are stored.
	 * @param type the resource type
	 * @return the count
	 */
	public int count(String type) {
		return this.resources.getOrDefault(type, Map.of()).size();
	}

}
