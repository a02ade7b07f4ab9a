package org.kinship.chat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinship.OnMariaDb;
import org.kinship.audit.AuditAction;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.groups.Audience;
import org.kinship.groups.Group;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupForm;
import org.kinship.groups.GroupStatus;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change of a group's controls lands in the audit log on the real MariaDB: who made it,
 * in which group, what it was, and when; never the person's name.
 */
@SpringBootTest
class GroupControlsAuditIntegrationTests extends OnMariaDb {

	@Autowired
	GroupControls controls;

	@Autowired
	GroupAdministration administration;

	@Autowired
	AuditLog audit;

	@Autowired
	IssuerRegistry issuers;

	@Test
	void slowModeAndALockAreAuditedWithWhoAndWhatButNoName() {
		String fhirUser = "Practitioner/m-" + UUID.randomUUID();
		KinshipPrincipal manager = new KinshipPrincipal("sandbox", sandbox(), fhirUser, "Sarah Lin",
				KinshipRole.CLINICIAN, Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null,
				List.of(), Set.of(), Map.of());
		Group group = this.administration.create(manager,
				new GroupForm("Audited " + UUID.randomUUID(), "A place to share.", "<p>Be kind.</p>", Audience.PATIENTS,
						true, GroupStatus.OPEN, "", "Q87.4", "", "", ""));

		this.controls.slowMode(manager, group.id(), 45);
		this.controls.lock(manager, group.id(), true);

		List<AuditEntry> mine = this.audit.latest(sandbox(), 200)
			.stream()
			.filter((entry) -> fhirUser.equals(entry.actor()))
			.toList();
		assertThat(mine).extracting(AuditEntry::action, AuditEntry::resourceTypes, AuditEntry::outcome)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(AuditAction.GROUP_CONTROL, "group " + group.id() + " LOCK",
							AuditEntry.SUCCESS),
					org.assertj.core.groups.Tuple.tuple(AuditAction.GROUP_CONTROL,
							"group " + group.id() + " SLOW_MODE 45 s", AuditEntry.SUCCESS));
		assertThat(mine).allSatisfy((entry) -> assertThat(entry.toString()).doesNotContain("Sarah Lin"));
	}

	private String sandbox() {
		return this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl();
	}

}
