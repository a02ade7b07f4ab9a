package dev.kinship.sandbox.people;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import dev.kinship.sandbox.SandboxProperties;
import dev.kinship.sandbox.fhir.ResourceStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Loads folders of FHIR R4 transaction bundles (Synthea output) at start.
 * {@code urn:uuid:} references become {@code Type/id}, keeping Synthea's ids, so loads
 * are deterministic. A bundle that does not parse is skipped with its file name in the
 * log, never its content.
 */
@Component
class BundleImport {

	private static final Logger log = LoggerFactory.getLogger(BundleImport.class);

	private final List<String> importedPatients = new ArrayList<>();

	BundleImport(SandboxProperties properties, FhirContext context, ResourceStore store) {
		IParser parser = context.newJsonParser();
		for (String location : properties.importPaths()) {
			if (!location.isBlank()) {
				files(Path.of(location.trim())).forEach((file) -> load(file, parser, context, store));
			}
		}
	}

	List<String> importedPatientIds() {
		return List.copyOf(this.importedPatients);
	}

	private void load(Path file, IParser parser, FhirContext context, ResourceStore store) {
		Bundle bundle;
		try {
			bundle = parser.parseResource(Bundle.class, Files.readString(file));
		}
		catch (IOException | DataFormatException | ClassCastException ex) {
			log.warn("Skipped {}: not a readable FHIR R4 bundle ({})", file.getFileName(),
					ex.getClass().getSimpleName());
			return;
		}
		Map<String, String> references = new HashMap<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			if (resource != null && entry.getFullUrl() != null) {
				// HAPI gives a resource without an id its entry's fullUrl, urn:uuid: and
				// all
				String given = resource.getIdElement().getIdPart();
				String id = (given != null && !given.startsWith("urn:")) ? given
						: entry.getFullUrl().replaceFirst("^urn:uuid:", "");
				resource.setId(id);
				references.put(entry.getFullUrl(), resource.fhirType() + "/" + id);
			}
		}
		int stored = 0;
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			if (resource == null || !resource.getIdElement().hasIdPart()) {
				continue;
			}
			for (ResourceReferenceInfo info : context.newTerser().getAllResourceReferences(resource)) {
				String target = info.getResourceReference().getReferenceElement().getValue();
				if (target != null && references.containsKey(target)) {
					info.getResourceReference().setReference(references.get(target));
				}
			}
			store.put(resource);
			stored++;
			if (resource instanceof Patient patient) {
				this.importedPatients.add(patient.getIdElement().getIdPart());
			}
		}
		log.info("Imported {} resources from {}", stored, file.getFileName());
	}

	private static List<Path> files(Path location) {
		if (Files.isRegularFile(location)) {
			return List.of(location);
		}
		if (!Files.isDirectory(location)) {
			log.warn("Import path {} does not exist", location);
			return List.of();
		}
		try (Stream<Path> listing = Files.list(location)) {
			return listing.filter((path) -> path.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			log.warn("Could not list import path {}", location);
			return List.of();
		}
	}

}
