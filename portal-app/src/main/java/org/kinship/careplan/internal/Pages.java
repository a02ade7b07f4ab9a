package org.kinship.careplan.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a search's pages up to a cap. Whole pages are kept; a page that alone holds
 * more than the room left (an EHR that ignores {@code _count}) is cut and the result
 * marked truncated. A next link that leaves the EHR's FHIR base is never followed: the
 * user's token must not go anywhere else.
 */
final class Pages {

	private static final Logger logger = LoggerFactory.getLogger(Pages.class);

	private Pages() {
	}

	/**
	 * What a search found.
	 *
	 * @param matches the resources that matched, in the EHR's order
	 * @param included resources the EHR included, by {@code Type/id}
	 * @param next the link to the following page when Kinship stopped at its cap
	 * @param truncated whether more was sent than kept, with no way to page on
	 */
	record Fetched(List<Resource> matches, Map<String, Resource> included, @Nullable String next, boolean truncated) {
	}

	static Fetched follow(IGenericClient client, Bundle first, int maxEntries, String issuer) {
		List<Resource> matches = new ArrayList<>();
		Map<String, Resource> included = new HashMap<>();
		Bundle page = first;
		while (true) {
			List<Resource> found = collect(page, included);
			int room = maxEntries - matches.size();
			if (found.size() > room) {
				matches.addAll(found.subList(0, room));
				return new Fetched(matches, included, null, true);
			}
			matches.addAll(found);
			Bundle.BundleLinkComponent link = page.getLink(Bundle.LINK_NEXT);
			if (link == null || !link.hasUrl()) {
				return new Fetched(matches, included, null, false);
			}
			if (!onServer(link.getUrl(), issuer)) {
				logger.warn("Not following a next link outside the FHIR base {}", issuer);
				return new Fetched(matches, included, null, true);
			}
			if (matches.size() >= maxEntries) {
				return new Fetched(matches, included, link.getUrl(), false);
			}
			page = client.loadPage().byUrl(link.getUrl()).andReturnBundle(Bundle.class).execute();
		}
	}

	static boolean onServer(String url, String issuer) {
		String base = issuer.endsWith("/") ? issuer : issuer + "/";
		return url.startsWith(base) || url.startsWith(issuer + "?");
	}

	private static List<Resource> collect(Bundle page, Map<String, Resource> included) {
		List<Resource> found = new ArrayList<>();
		for (BundleEntryComponent entry : page.getEntry()) {
			Resource resource = entry.getResource();
			if (resource == null) {
				continue;
			}
			SearchEntryMode mode = entry.getSearch().getMode();
			if (mode == SearchEntryMode.INCLUDE) {
				included.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
			}
			else if (mode != SearchEntryMode.OUTCOME) {
				found.add(resource);
			}
		}
		return found;
	}

}
