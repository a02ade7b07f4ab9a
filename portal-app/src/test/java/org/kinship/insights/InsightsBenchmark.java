package org.kinship.insights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kinship.MariaDbTestDatabase;
import org.kinship.StaffedGroups;
import org.kinship.StaffedGroups.Staffed;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.Memberships;
import org.kinship.launch.CommunityRights;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The insights benchmark ({@code deploy/bench/insights}), not a test: its name matches no
 * test pattern, so it runs only when named. {@code bench.groups} groups share
 * {@code bench.members} members, every one contributing, with one to three of eight
 * medicine ingredients and PHQ-2 and breathlessness answers over the periods, seeded
 * straight into this JVM's own database; then every group's insights are recomputed from
 * the store (timed), and a member's insights page is requested through the whole security
 * chain (timed, after a warm-up). The figures go to {@code bench.out} as JSON.
 */
@SpringBootTest(properties = "kinship.insights.refresh-interval=PT0S")
@AutoConfigureMockMvc
class InsightsBenchmark {

	static final int MEMBERS = Integer.getInteger("bench.members", 20_000);

	static final int GROUPS = Integer.getInteger("bench.groups", 20);

	static final int PAGES = Integer.getInteger("bench.pages", 500);

	static final List<String> INGREDIENTS = List.of("Metformin", "Lisinopril", "Atorvastatin", "Furosemide",
			"Insulin glargine", "Albuterol", "Levetiracetam", "Gabapentin");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		MariaDbTestDatabase.register(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GroupAdministration administration;

	@Autowired
	Memberships memberships;

	@Autowired
	CommunityRights rights;

	@Autowired
	IssuerRegistry issuers;

	@Autowired
	InsightsRefresh refresh;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void recomputeAndServe() throws Exception {
		String issuer = this.issuers.findByKey("sandbox").orElseThrow().fhirBaseUrl();
		StaffedGroups community = new StaffedGroups(this.administration, this.memberships, this.rights, issuer);
		List<Staffed> groups = new ArrayList<>();
		for (int g = 0; g < GROUPS; g++) {
			groups.add(community.group("Bench " + g));
		}
		KinshipPrincipal viewer = community.member(groups.get(0).group(), "Viewer");
		long seedStart = System.nanoTime();
		seed(issuer, groups);
		long seedMs = (System.nanoTime() - seedStart) / 1_000_000;

		this.refresh.recompute(issuer);
		long start = System.nanoTime();
		int computed = this.refresh.recompute(issuer);
		double recomputeS = (System.nanoTime() - start) / 1e9;

		MockHttpSession session = StaffedGroups.session(viewer);
		String path = "/insights/groups/" + groups.get(0).group().id();
		for (int i = 0; i < 50; i++) {
			this.mvc.perform(get(path).session(session)).andExpect(status().isOk());
		}
		long[] times = new long[PAGES];
		for (int i = 0; i < PAGES; i++) {
			long t = System.nanoTime();
			this.mvc.perform(get(path).session(session)).andExpect(status().isOk());
			times[i] = System.nanoTime() - t;
		}
		Arrays.sort(times);
		double p95 = times[(int) Math.ceil(PAGES * 0.95) - 1] / 1e6;
		double median = times[PAGES / 2] / 1e6;
		assertThat(computed).isGreaterThanOrEqualTo(GROUPS);
		String json = String.format(Locale.ROOT,
				"{\"members\":%d,\"groups\":%d,\"groups_computed\":%d,\"seed_ms\":%d,\"recompute_s\":%.2f,"
						+ "\"page_median_ms\":%.2f,\"page_p95_ms\":%.2f,\"pages\":%d}",
				MEMBERS, GROUPS, computed, seedMs, recomputeS, median, p95, PAGES);
		Files.writeString(Path.of(System.getProperty("bench.out", "target/insights-bench.json")), json);
	}

	private void seed(String issuer, List<Staffed> groups) {
		Instant now = Instant.now();
		List<Object[]> members = new ArrayList<>();
		List<Object[]> contributors = new ArrayList<>();
		List<Object[]> medicines = new ArrayList<>();
		List<Object[]> answers = new ArrayList<>();
		for (int m = 0; m < MEMBERS; m++) {
			String user = "Patient/bench-" + m;
			long groupId = groups.get(m % groups.size()).group().id();
			members.add(new Object[] { groupId, user, "m" + m, "m" + m, false, false, "ACTIVE", Timestamp.from(now),
					Timestamp.from(now) });
			contributors.add(new Object[] { issuer, user, "sandbox", "bench-" + m, Timestamp.from(now) });
			for (int i = 0; i <= m % 3; i++) {
				String ingredient = INGREDIENTS.get((m + i * 3) % INGREDIENTS.size());
				medicines.add(new Object[] { issuer, user, ingredient.toLowerCase(Locale.ROOT), ingredient,
						Timestamp.from(now) });
			}
			for (int a = 0; a < 2; a++) {
				Instant at = now.minus(Duration.ofDays(5 + (m + a * 31) % 80));
				answers
					.add(new Object[] { issuer, user, groupId, "phq-2", "b" + m + "-" + a, "phq2-1=1;phq2-2=" + (m % 3),
							1 + m % 3, (1 + m % 3 >= 3) ? "POSITIVE" : "NEGATIVE", false, Timestamp.from(at) });
			}
		}
		batch("INSERT INTO group_member (group_id, fhir_user, display_name, display_name_key, caregiver_badge, "
				+ "clinician_badge, status, guidelines_accepted_at, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				members);
		batch("INSERT INTO insight_contributor (issuer, member, issuer_key, patient_id, since) VALUES (?, ?, ?, ?, ?)",
				contributors);
		batch("INSERT INTO insight_medicine (issuer, member, ingredient_code, ingredient_name, read_at) "
				+ "VALUES (?, ?, ?, ?, ?)", medicines);
		batch("INSERT INTO checkin_answer (issuer, member, group_id, questionnaire, submission, answers, score, band, "
				+ "at_risk, answered_at, record_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NOT_SENT')", answers);
		for (Staffed group : groups) {
			this.jdbc
				.sql("INSERT INTO checkin_plan (group_id, questionnaire, every_days, chosen_by, chosen_at) "
						+ "VALUES (?, 'phq-2', 14, 'bench', ?)")
				.params(group.group().id(), Timestamp.from(now))
				.update();
		}
	}

	private void batch(String sql, List<Object[]> rows) {
		org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(
				this.dataSource);
		for (int from = 0; from < rows.size(); from += 1000) {
			template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
	}

}
