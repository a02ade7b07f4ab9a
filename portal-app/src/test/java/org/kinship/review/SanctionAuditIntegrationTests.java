package org.kinship.review;

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
import org.kinship.groups.JoinForm;
import org.kinship.groups.Memberships;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.KinshipRole;
import org.kinship.moderation.Sanctions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspension and its lifting land in the audit log on the real MariaDB: who decided,
 * about whom (a reference), in which group and when; never the reason, which may say more
 * about the member than the audit log should hold, nor anyone's name.
 */
@SpringBootTest
class SanctionAuditIntegrationTests extends OnMariaDb {

	@Autowired
	MemberFiles files;

	@Autowired
	Sanctions sanctions;

	@Autowired
	GroupAdministration administration;

	@Autowired
	Memberships memberships;

	@Autowired
	AuditLog audit;

	@Autowired
	IssuerRegistry issuers;

	@Test
	void aSuspensionAndItsLiftingAreAuditedWithoutTheReason() {
		String manager = "Practitioner/m-" + UUID.randomUUID();
		KinshipPrincipal staff = new KinshipPrincipal("sandbox", sandbox(), manager, "Sarah Lin", KinshipRole.CLINICIAN,
				Set.of(CommunityRight.COMMUNITY_MANAGER), null, null, false, null, null, null, List.of(), Set.of(),
				Map.of());
		Group group = this.administration.create(staff,
				new GroupForm("Sanctions " + UUID.randomUUID(), "A place to share.", "<p>Be kind.</p>",
						Audience.PATIENTS, true, GroupStatus.OPEN, "", "Q87.4", "", "", ""));
		String id = "p-" + UUID.randomUUID();
		KinshipPrincipal member = new KinshipPrincipal("sandbox", sandbox(), "Patient/" + id, "Pat Member",
				KinshipRole.PATIENT, Set.of(), id, null, false, null, null, null, List.of(),
				Set.of("patient/Condition.rs"), Map.of());
		this.memberships.join(member, group.slug(), new JoinForm("Kestrel", false, false, true));

		this.files.sanction(staff, group.id(), member.fhirUser(), Sanctions.Kind.SUSPEND,
				"Shared her diagnosis of another member", 24);
		long sanction = this.sanctions.inForce(sandbox(), member.fhirUser()).get(0).id();
		this.files.lift(staff, group.id(), sanction);

		List<AuditEntry> mine = this.audit.latest(sandbox(), 200)
			.stream()
			.filter((entry) -> manager.equals(entry.actor()))
			.toList();
		assertThat(mine).hasSize(2).allSatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo(AuditAction.SANCTION);
			assertThat(entry.patient()).isEqualTo(member.fhirUser());
			assertThat(entry.toString()).doesNotContain("diagnosis")
				.doesNotContain("Sarah Lin")
				.doesNotContain("Kestrel");
		});
		assertThat(mine.get(0).resourceTypes()).isEqualTo("group " + group.id() + " LIFT SUSPEND " + sanction);
		assertThat(mine.get(1).resourceTypes()).startsWith("group " + group.id() + " SUSPEND " + sanction + " until ");
	}

	private String sandbox() {
		return this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl();
	}

}
