package org.kinship.launch.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Reads brands out of a SMART App Launch 2.2 User-access Brands Bundle: each
 * {@code Organization} is a brand with its name, its {@code organization-brand} logo and
 * its {@code organization-portal} (name, address, endpoints); an affiliate whose portal
 * is its {@code partOf} organization's takes the portal, endpoints and logo from there.
 * The brand's endpoints are the {@code Endpoint}s its {@code endpoint} and
 * {@code portalEndpoint} references name inside the Bundle.
 */
final class BrandsBundle {

	static final String BRAND = "http://hl7.org/fhir/StructureDefinition/organization-brand";

	static final String PORTAL = "http://hl7.org/fhir/StructureDefinition/organization-portal";

	private final Map<String, Resource> resources = new HashMap<>();

	private BrandsBundle(Bundle bundle) {
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			if (resource == null) {
				continue;
			}
			if (entry.hasFullUrl()) {
				this.resources.put(entry.getFullUrl(), resource);
			}
			if (resource.getIdElement().hasIdPart()) {
				this.resources.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
			}
		}
	}

	static List<Brand> brands(Bundle bundle) {
		BrandsBundle brands = new BrandsBundle(bundle);
		List<Brand> result = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (entry.getResource() instanceof Organization organization && organization.hasName()
					&& (!organization.hasActive() || organization.getActive())) {
				result.add(brands.brand(organization));
			}
		}
		return result;
	}

	private Brand brand(Organization organization) {
		Organization provider = accessProvider(organization);
		Extension portal = provider.getExtensionByUrl(PORTAL);
		String logo = safeImage(subValue(organization.getExtensionByUrl(BRAND), "brandLogo"));
		if (logo == null) {
			logo = safeImage(subValue(provider.getExtensionByUrl(BRAND), "brandLogo"));
		}
		if (logo == null) {
			logo = safeImage(subValue(portal, "portalLogo"));
		}
		String portalUrl = safePortal(subValue(portal, "portalUrl"));
		String portalName = subValue(portal, "portalName");
		return new Brand(organization.getName(), logo, (portalUrl != null) ? portalName : null, portalUrl,
				endpoints(organization, provider, portal));
	}

	/** The organization itself, or the one that provides its user access. */
	private Organization accessProvider(Organization organization) {
		if (organization.getExtensionByUrl(PORTAL) == null && organization.hasPartOf()
				&& this.resources.get(organization.getPartOf().getReference()) instanceof Organization parent) {
			return parent;
		}
		return organization;
	}

	private Set<String> endpoints(Organization organization, Organization provider, @Nullable Extension portal) {
		List<Reference> references = new ArrayList<>(organization.getEndpoint());
		if (provider != organization) {
			references.addAll(provider.getEndpoint());
		}
		if (portal != null) {
			portal.getExtensionsByUrl("portalEndpoint")
				.stream()
				.filter((extension) -> extension.getValue() instanceof Reference)
				.forEach((extension) -> references.add((Reference) extension.getValue()));
		}
		Set<String> addresses = new LinkedHashSet<>();
		for (Reference reference : references) {
			if (this.resources.get(reference.getReference()) instanceof Endpoint endpoint && endpoint.hasAddress()) {
				String address = endpoint.getAddress().trim();
				addresses.add(address.endsWith("/") ? address.substring(0, address.length() - 1) : address);
			}
		}
		return addresses;
	}

	private static @Nullable String subValue(@Nullable Extension extension, String url) {
		if (extension == null) {
			return null;
		}
		Extension sub = extension.getExtensionByUrl(url);
		if (sub == null || sub.getValue() == null || !sub.getValue().isPrimitive()) {
			return null;
		}
		String value = sub.getValue().primitiveValue();
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

	/** An https URL, or a path on Kinship itself: never data:, javascript: or http:. */
	static @Nullable String safeImage(@Nullable String url) {
		if (url == null) {
			return null;
		}
		if (url.startsWith("/") && !url.startsWith("//") && !url.contains("\\")) {
			return url;
		}
		return safeLink(url);
	}

	/** An https URL, or plain http to this machine, where only a local EHR runs. */
	static @Nullable String safePortal(@Nullable String url) {
		return (url != null && SmartDiscovery.secure(url)) ? url : null;
	}

	/** An absolute https URL with a host. */
	static @Nullable String safeLink(@Nullable String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			return ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) ? url : null;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

}
