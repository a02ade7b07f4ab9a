package org.kinship.launch.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.kinship.launch.CommunityRight;
import org.kinship.launch.IssuerRegistry;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kinship's own rights (community manager, facilitator) per issuer and {@code fhirUser}.
 * Seeded from each issuer's configured {@code roles}; never taken from a request.
 */
@Component
public class RoleAssignments implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final IssuerRegistry issuers;

	RoleAssignments(JdbcClient jdbc, IssuerRegistry issuers) {
		this.jdbc = jdbc;
		this.issuers = issuers;
	}

	Set<CommunityRight> rightsOf(String issuer, String fhirUser) {
		List<String> rights = this.jdbc.sql("SELECT role FROM role_assignment WHERE issuer = ? AND fhir_user = ?")
			.params(issuer, fhirUser)
			.query(String.class)
			.list();
		Set<CommunityRight> result = EnumSet.noneOf(CommunityRight.class);
		rights.forEach((right) -> result.add(CommunityRight.valueOf(right)));
		return result;
	}

	/**
	 * Every assignment at an issuer, by user.
	 * @param issuer the EHR's FHIR base URL
	 * @return the assignments
	 */
	public List<Assignment> all(String issuer) {
		return this.jdbc
			.sql("SELECT fhir_user, role, granted_by FROM role_assignment WHERE issuer = ? ORDER BY fhir_user, role")
			.param(issuer)
			.query((rs, row) -> new Assignment(rs.getString(1), CommunityRight.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
	}

	/**
	 * Withdraws a right.
	 * @param issuer the EHR's FHIR base URL
	 * @param fhirUser the user
	 * @param right the right
	 */
	@Transactional
	public void revoke(String issuer, String fhirUser, CommunityRight right) {
		this.jdbc.sql("DELETE FROM role_assignment WHERE issuer = ? AND fhir_user = ? AND role = ?")
			.params(issuer, fhirUser, right.name())
			.update();
	}

	/**
	 * One user's right.
	 *
	 * @param fhirUser the user
	 * @param right the right
	 * @param grantedBy who granted it
	 */
	public record Assignment(String fhirUser, CommunityRight right, String grantedBy) {
	}

	/**
	 * Grants a right, once.
	 * @param issuer the EHR's FHIR base URL
	 * @param fhirUser the user
	 * @param right the right
	 * @param grantedBy who grants it
	 */
	@Transactional
	public void grant(String issuer, String fhirUser, CommunityRight right, String grantedBy) {
		int existing = this.jdbc
			.sql("SELECT COUNT(*) FROM role_assignment WHERE issuer = ? AND fhir_user = ? AND role = ?")
			.params(issuer, fhirUser, right.name())
			.query(Integer.class)
			.single();
		if (existing == 0) {
			try {
				this.jdbc.sql(
						"INSERT INTO role_assignment (issuer, fhir_user, role, granted_at, granted_by) VALUES (?, ?, ?, ?, ?)")
					.params(issuer, fhirUser, right.name(), Timestamp.from(Instant.now()), grantedBy)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// another node, starting at the same moment, granted it first
			}
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		this.issuers.all()
			.forEach((issuer) -> issuer.settings()
				.roles()
				.forEach((role) -> grant(issuer.fhirBaseUrl(), role.fhirUser().trim(), role.right(), "configuration")));
	}

}
