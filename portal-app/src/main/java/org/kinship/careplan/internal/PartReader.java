package org.kinship.careplan.internal;

import java.io.Serializable;
import java.util.List;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.kinship.careplan.internal.Searches.SearchSettings;

/**
 * Runs one part's search, follows its pages up to the cap and maps what it finds.
 *
 * @param client the user's client
 * @param patientId the patient in context
 * @param settings what the searches depend on
 * @param maxEntries entries followed before stopping
 * @param context whose record it is, and where foreign resources are noted
 */
record PartReader(IGenericClient client, String patientId, SearchSettings settings, int maxEntries,
		MappingContext context) {

	<T extends Serializable> Section<T> read(Part part, CardMapping<T> mapping) {
		Bundle first = Searches.first(this.client, part, this.patientId, this.settings);
		return section(Pages.follow(this.client, first, this.maxEntries, this.context.issuer()), mapping, this.context);
	}

	static <T extends Serializable> Section<T> section(Pages.Fetched fetched, CardMapping<T> mapping,
			MappingContext context) {
		List<T> cards = mapping.map(fetched.matches(), context.with(fetched.included()));
		return new Section<>(SectionStatus.SHOWN, cards, fetched.next(), fetched.truncated());
	}

}
