package org.kinship.groups.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kinship.groups.Audience;
import org.kinship.groups.CodeSet;
import org.kinship.groups.Group;
import org.kinship.groups.GroupStatus;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.LaunchProperties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo groups (type 2 diabetes, heart failure, COPD, epilepsy, chronic pain,
 * dementia caregivers) for the EHRs named in {@code kinship.groups.demo-issuers}, once.
 * Their sponsors and facilitators are the issuer's seeded community managers and
 * facilitators.
 */
@Component
class DemoGroups implements ApplicationRunner {

	private final GroupStore groups;

	private final IssuerRegistry issuers;

	private final GroupsProperties properties;

	DemoGroups(GroupStore groups, IssuerRegistry issuers, GroupsProperties properties) {
		this.groups = groups;
		this.issuers = issuers;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		List<DemoGroup> demo = read();
		String guidelines = text("groups/demo-guidelines.html");
		for (String key : this.properties.demoIssuers()) {
			var issuer = this.issuers.findByKey(key)
				.orElseThrow(
						() -> new IllegalStateException("kinship.groups.demo-issuers names unknown issuer " + key));
			for (DemoGroup group : demo) {
				if (!this.groups.nameTaken(issuer.fhirBaseUrl(), group.name(), 0)) {
					seed(issuer.fhirBaseUrl(), issuer.settings(), group, guidelines);
				}
			}
		}
	}

	private void seed(String issuer, LaunchProperties.Issuer settings, DemoGroup demo, String guidelines) {
		CodeSet codes = new CodeSet(new java.util.TreeSet<>(demo.snomed()), new java.util.TreeSet<>(demo.icd10()));
		String slug = demo.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		long id = this.groups.insert(
				new Group(0, issuer, slug, demo.name(), demo.description(), guidelines, demo.audience(), true,
						GroupStatus.OPEN, codes, java.util.Set.of(), java.util.Set.of(), 0, java.util.Map.of()),
				"demo");
		this.groups.replaceCodes(id, codes);
		settings.roles()
			.forEach((role) -> this.groups.addStaff(id, role.fhirUser().trim(),
					(role.right() == CommunityRight.COMMUNITY_MANAGER) ? GroupStore.SPONSOR : GroupStore.FACILITATOR));
	}

	private static List<DemoGroup> read() throws IOException {
		try (InputStream in = new ClassPathResource("groups/demo-groups.json").getInputStream()) {
			return JsonMapper.builder().build().readValue(in, new TypeReference<List<DemoGroup>>() {
			});
		}
	}

	private static String text(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
		}
	}

	record DemoGroup(String name, String description, Audience audience, List<String> snomed, List<String> icd10) {
	}

}
