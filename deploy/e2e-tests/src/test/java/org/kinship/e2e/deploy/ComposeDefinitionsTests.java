package org.kinship.e2e.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/compose.yaml}, its {@code .env.example} and
 * {@code deploy/nginx/kinship.conf} against what Kinship and the sandbox read: two nodes
 * behind nginx without stickiness, their health asked where Kinship serves it, every
 * variable one the application reads.
 */
class ComposeDefinitionsTests {

	private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	private final Map<String, Object> compose = Repository.yaml(Repository.file("deploy/compose.yaml")).get(0);

	private final String nginx = Repository.read(Repository.file("deploy/nginx/kinship.conf"));

	private final KnownSettings kinship = KnownSettings.kinship();

	@Test
	void runsTwoKinshipNodesRoundRobinBehindNginx() {
		Map<String, Map<String, String>> nodes = kinshipNodes();
		assertThat(nodes).hasSize(2);
		Set<String> upstream = new TreeSet<>();
		Matcher server = Pattern.compile("server\\s+([0-9.]+:[0-9]+)").matcher(upstreamBlock());
		while (server.find()) {
			upstream.add(server.group(1));
		}
		assertThat(upstream).containsExactlyInAnyOrderElementsOf(nodes.values()
			.stream()
			.map((environment) -> "127.0.0.1:" + this.kinship.serverPort(environment))
			.toList());
		assertThat(upstreamBlock()).doesNotContain("ip_hash", "hash ", "sticky");
		for (String node : nodes.keySet()) {
			assertThat(Nodes.string(this.compose, "services", node, "network_mode")).isEqualTo("service:nginx");
		}
	}

	@Test
	void setsOnlyVariablesKinshipReads() {
		kinshipNodes().forEach((node, environment) -> assertThat(environment.keySet())
			.as("variables of %s that Kinship does not read", node)
			.allSatisfy((name) -> assertThat(this.kinship.reads(name)).as(name).isTrue()));
		KnownSettings sandbox = KnownSettings.sandbox();
		Map<String, String> environment = Nodes.strings(this.compose, "services", "sandbox-ehr", "environment");
		assertThat(environment.keySet()).allSatisfy((name) -> assertThat(sandbox.reads(name)).as(name).isTrue());
		assertThat(sandbox.serverPort(environment)).isEqualTo(9090);
	}

	@Test
	void asksEachNodeForReadinessOnItsManagementPort() {
		kinshipNodes().forEach((node, environment) -> {
			assertThat(this.kinship.servesProbes(environment)).as("%s serves the probe groups", node).isTrue();
			assertThat(healthCheck(node)).contains(
					"http://127.0.0.1:" + this.kinship.managementPort(environment) + "/actuator/health/readiness");
			assertThat(this.kinship.value("server.shutdown", environment)).isEqualTo("graceful");
		});
		Set<Integer> ports = new TreeSet<>();
		kinshipNodes().values().forEach((environment) -> {
			ports.add(this.kinship.serverPort(environment));
			ports.add(this.kinship.managementPort(environment));
		});
		assertThat(ports).as("ports in one network namespace").hasSize(4).doesNotContain(8080, 9090);
		assertThat(Nodes.map(this.compose, "services").keySet())
			.allSatisfy((service) -> assertThat(healthCheck(service)).as(service).isNotEmpty());
		assertThat(healthCheck("sandbox-ehr")).contains("http://127.0.0.1:9090/actuator/health");
		assertThat(healthCheck("nginx")).contains("/nginx-health");
		assertThat(this.nginx).contains("location = /nginx-health");
	}

	/**
	 * The images carry no curl: each health check runs the application's own probe class
	 * on the image's Java, from the classes Jib puts in /app/classes.
	 */
	@Test
	void checksHealthWithTheProbeTheImageCarries() {
		Map<String, String> probes = new LinkedHashMap<>();
		kinshipNodes().keySet().forEach((node) -> probes.put(node, "portal-app"));
		probes.put("sandbox-ehr", "deploy/sandbox-ehr");
		probes.forEach((service, module) -> {
			List<String> test = Nodes.list(this.compose, "services", service, "healthcheck", "test")
				.stream()
				.map(String::valueOf)
				.toList();
			assertThat(test).as(service).startsWith("CMD", "java").doesNotContain("curl");
			int classPath = test.indexOf("-cp");
			assertThat(test.get(classPath + 1)).isEqualTo("/app/classes");
			String probe = test.get(classPath + 2);
			String source = Repository
				.read(Repository.file(module + "/src/main/java/" + probe.replace('.', '/') + ".java"));
			assertThat(source).as(probe).contains("public static void main(String[] args)");
			assertThat(test.get(test.size() - 1)).as(service).startsWith("http://127.0.0.1:");
		});
	}

	@Test
	void runsMysql84AndRedis7WithPersistence() {
		assertThat(Nodes.string(this.compose, "services", "mysql", "image")).endsWith(":-mysql:8.4}");
		assertThat(Nodes.string(this.compose, "services", "redis", "image")).endsWith(":-redis:7}");
		List<Object> command = Nodes.list(this.compose, "services", "redis", "command");
		assertThat(String.join(" ", command.stream().map(String::valueOf).toList())).contains("--appendonly yes");
		assertThat(Nodes.list(this.compose, "services", "redis", "volumes"))
			.anySatisfy((volume) -> assertThat(String.valueOf(volume)).endsWith(":/data"));
		Map<String, String> node = kinshipNodes().values().iterator().next();
		assertThat(node.get("KINSHIP_DB_URL")).startsWith("jdbc:mysql://mysql:3306/");
		assertThat(node.get("KINSHIP_REDIS_URL")).startsWith("redis://").endsWith("@redis:6379");
		assertThat(node.get("KINSHIP_REDIS_ENABLED")).isEqualTo("true");
	}

	@Test
	void envExampleListsEveryVariableTheComposeFileReads() {
		Set<String> used = new TreeSet<>();
		Matcher matcher = INTERPOLATION.matcher(Repository.read(Repository.file("deploy/compose.yaml")));
		while (matcher.find()) {
			used.add(matcher.group(1));
		}
		Set<String> listed = Repository.read(Repository.file("deploy/.env.example"))
			.lines()
			.filter((line) -> line.matches("[A-Z][A-Z0-9_]*=.*"))
			.map((line) -> line.substring(0, line.indexOf('=')))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(listed).isEqualTo(used).contains("KINSHIP_CLIENT_KEY", "MYSQL_PASSWORD", "REDIS_PASSWORD");
	}

	@Test
	void upgradesTheStompSocketAndKeepsItOpenForAnHour() {
		String endpoint = Repository.read(
				Repository.file("portal-app/src/main/java/org/kinship/realtime/internal/WebSocketConfiguration.java"));
		assertThat(endpoint).contains("addEndpoint(\"/ws\")");
		String socket = block(this.nginx, "location /ws");
		assertThat(socket).contains("proxy_http_version 1.1;", "proxy_set_header Upgrade $http_upgrade;",
				"proxy_set_header Connection $connection_upgrade;");
		assertThat(this.nginx).containsPattern("map \\$http_upgrade \\$connection_upgrade");
		Matcher timeout = Pattern.compile("proxy_read_timeout (\\d+)s;").matcher(socket);
		assertThat(timeout.find()).isTrue();
		assertThat(Integer.parseInt(timeout.group(1))).isGreaterThanOrEqualTo(3600);
	}

	private Map<String, Map<String, String>> kinshipNodes() {
		String image = Nodes.string(this.compose, "services", "kinship-1", "image");
		Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
		Nodes.map(this.compose, "services").forEach((name, service) -> {
			if (image.equals(Nodes.at(service, "image"))) {
				nodes.put(name, Nodes.strings(service, "environment"));
			}
		});
		assertThat(image).contains(ImageDefinitionsTests.imageName("portal-app"));
		return nodes;
	}

	private String healthCheck(String service) {
		Object test = Nodes.at(this.compose, "services", service, "healthcheck", "test");
		return (test != null) ? String.valueOf(test) : "";
	}

	private String upstreamBlock() {
		return block(this.nginx, "upstream kinship");
	}

	static String block(String conf, String opening) {
		int start = conf.indexOf(opening + " {");
		assertThat(start).as(opening).isNotNegative();
		int depth = 0;
		for (int i = conf.indexOf('{', start); i < conf.length(); i++) {
			depth += (conf.charAt(i) == '{') ? 1 : (conf.charAt(i) == '}') ? -1 : 0;
			if (depth == 0) {
				return conf.substring(start, i + 1);
			}
		}
		throw new AssertionError("unclosed " + opening);
	}

}
