package org.kinship.e2e.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kustomize base ({@code deploy/k8s/base}) and its example overlay against Kinship's
 * configuration: names, ports, probes and variables as the application reads them. No
 * cluster runs here; the files are read as kustomize would put them together.
 */
class KubernetesDefinitionsTests {

	private static final Path BASE = Repository.file("deploy/k8s/base");

	private static final Path OVERLAY = Repository.file("deploy/k8s/overlays/example");

	private final KnownSettings kinship = KnownSettings.kinship();

	@Test
	void kustomizationsListEveryFileOfTheirFolder() {
		for (Path folder : List.of(BASE, OVERLAY)) {
			Map<String, Object> kustomization = Repository.yaml(folder.resolve("kustomization.yaml")).get(0);
			Set<String> listed = new TreeSet<>();
			Nodes.list(kustomization, "resources")
				.stream()
				.map(String::valueOf)
				.filter((r) -> r.endsWith(".yaml"))
				.forEach(listed::add);
			Object patches = kustomization.get("patches");
			if (patches != null) {
				Nodes.list(kustomization, "patches").forEach((patch) -> listed.add(Nodes.string(patch, "path")));
			}
			assertThat(listed).as(folder.toString()).isEqualTo(yamlFiles(folder));
		}
		assertThat(Nodes.list(Repository.yaml(OVERLAY.resolve("kustomization.yaml")).get(0), "resources"))
			.contains("../../base");
	}

	@Test
	void runsTwoNonRootReplicasProbedOnTheManagementPort() {
		Map<String, Object> deployment = resource(BASE, "Deployment", "kinship");
		assertThat(Nodes.at(deployment, "spec", "replicas")).isEqualTo(2);
		Map<String, Object> pod = Nodes.map(deployment, "spec", "template", "spec");
		assertThat(Nodes.at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
		assertThat(Nodes.at(pod, "securityContext", "runAsUser")).isEqualTo(ImageDefinitionsTests.imageUid());
		Map<String, Object> container = container(deployment);
		Map<String, String> environment = nodeEnvironment();
		Map<String, Integer> ports = containerPorts(container);
		assertThat(ports).containsEntry("http", this.kinship.serverPort(environment))
			.containsEntry("management", this.kinship.managementPort(environment));
		assertThat(ports.values())
			.containsExactlyInAnyOrderElementsOf(ImageDefinitionsTests.ports("portal-app/pom.xml"));
		assertThat(this.kinship.servesProbes(environment)).isTrue();
		assertThat(Nodes.string(container, "readinessProbe", "httpGet", "path"))
			.isEqualTo("/actuator/health/readiness");
		assertThat(Nodes.string(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
		for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
			assertThat(Nodes.string(container, probe, "httpGet", "port")).as(probe).isEqualTo("management");
		}
		assertThat(Nodes.map(container, "resources", "requests")).containsKeys("cpu", "memory");
		assertThat(Nodes.map(container, "resources", "limits")).containsKey("memory");
		assertThat(Nodes.string(container, "image")).startsWith(ImageDefinitionsTests.imageName("portal-app") + ":");
		assertThat(Nodes.list(Repository.yaml(OVERLAY.resolve("kustomization.yaml")).get(0), "images"))
			.anySatisfy((image) -> assertThat(Nodes.string(image, "name"))
				.isEqualTo(ImageDefinitionsTests.imageName("portal-app")));
	}

	@Test
	void stopsGracefullyAfterLongEnoughForSocketsToMove() {
		Map<String, Object> deployment = resource(BASE, "Deployment", "kinship");
		Map<String, String> environment = nodeEnvironment();
		assertThat(this.kinship.value("server.shutdown", environment)).isEqualTo("graceful");
		Duration shutdown = Duration
			.parse("PT" + this.kinship.value("spring.lifecycle.timeout-per-shutdown-phase", environment).toUpperCase());
		List<Object> preStop = Nodes.list(container(deployment), "lifecycle", "preStop", "exec", "command");
		assertThat(preStop.get(0)).isEqualTo("sleep");
		Duration drain = Duration.ofSeconds(Long.parseLong(String.valueOf(preStop.get(1))));
		assertThat(drain).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
		Duration grace = Duration
			.ofSeconds(((Number) Nodes.at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds"))
				.longValue());
		assertThat(grace).isGreaterThan(drain.plus(shutdown));
		assertThat(Nodes.at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);
	}

	@Test
	void setsOnlyVariablesKinshipReads() {
		assertThat(nodeEnvironment().keySet())
			.allSatisfy((name) -> assertThat(this.kinship.reads(name)).as(name).isTrue());
		List<Object> envFrom = Nodes.list(container(resource(BASE, "Deployment", "kinship")), "envFrom");
		assertThat(envFrom).hasSize(2);
		assertThat(Nodes.string(envFrom.get(0), "configMapRef", "name"))
			.isEqualTo(name(resource(BASE, "ConfigMap", null)));
		assertThat(Nodes.string(envFrom.get(1), "secretRef", "name")).isEqualTo(name(resource(BASE, "Secret", null)));
		assertThat(Nodes.at(container(resource(BASE, "Deployment", "kinship")), "env")).isNull();
	}

	@Test
	void keepsTheClientKeyAndCredentialsInTheSecretWithPlaceholdersInTheOverlay() {
		Set<String> secrets = Set.of("KINSHIP_CLIENT_KEY", "KINSHIP_DB_URL", "KINSHIP_DB_USER", "KINSHIP_DB_PASSWORD",
				"KINSHIP_REDIS_URL");
		assertThat(Nodes.strings(resource(BASE, "Secret", null), "stringData").keySet()).containsAll(secrets);
		assertThat(Nodes.strings(resource(BASE, "ConfigMap", null), "data").keySet())
			.doesNotContainAnyElementsOf(secrets);
		Map<String, String> overlay = Nodes.strings(resource(OVERLAY, "Secret", null), "stringData");
		assertThat(overlay.keySet()).containsAll(secrets);
		assertThat(overlay.values()).allSatisfy((value) -> assertThat(value).isNotBlank());
		for (String secret : List.of("KINSHIP_CLIENT_KEY", "KINSHIP_DB_PASSWORD", "KINSHIP_REDIS_URL")) {
			assertThat(overlay.get(secret)).as("a placeholder, never a real secret").contains("REPLACE");
		}
		assertThat(overlay.get("KINSHIP_REDIS_URL")).startsWith("redis://");
		assertThat(Nodes.strings(resource(OVERLAY, "ConfigMap", null), "data"))
			.containsKeys("KINSHIP_LAUNCH_ISSUERS_GENERAL_FHIR_BASE_URL", "KINSHIP_LAUNCH_ISSUERS_GENERAL_CLIENT_ID");
	}

	@Test
	void routesTheIngressToTheDeploymentWithoutAffinity() {
		Map<String, Object> deployment = resource(BASE, "Deployment", "kinship");
		Map<String, String> podLabels = Nodes.strings(deployment, "spec", "template", "metadata", "labels");
		Map<String, Object> service = resource(BASE, "Service", null);
		assertThat(podLabels).containsAllEntriesOf(Nodes.strings(service, "spec", "selector"));
		assertThat(Nodes.strings(deployment, "spec", "selector", "matchLabels"))
			.isEqualTo(Nodes.strings(service, "spec", "selector"));
		assertThat(Nodes.at(service, "spec", "sessionAffinity")).isIn(null, "None");
		List<Object> servicePorts = Nodes.list(service, "spec", "ports");
		assertThat(servicePorts).singleElement().satisfies((port) -> {
			assertThat(Nodes.string(port, "targetPort")).isEqualTo("http");
			assertThat(containerPorts(container(deployment))).containsKey(Nodes.string(port, "targetPort"));
		});
		for (Path folder : List.of(BASE, OVERLAY)) {
			Map<String, Object> ingress = resource(folder, "Ingress", null);
			for (Object rule : Nodes.list(ingress, "spec", "rules")) {
				for (Object path : Nodes.list(rule, "http", "paths")) {
					assertThat(Nodes.string(path, "backend", "service", "name")).isEqualTo(name(service));
					assertThat(Nodes.string(path, "backend", "service", "port", "name"))
						.isEqualTo(Nodes.string(servicePorts.get(0), "name"));
				}
			}
		}
		Map<String, String> annotations = Nodes.strings(resource(BASE, "Ingress", null), "metadata", "annotations");
		for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
			assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/" + timeout))).as(timeout)
				.isGreaterThanOrEqualTo(3600);
		}
		assertThat(annotations.keySet()).noneMatch((key) -> key.contains("affinity"));
	}

	@Test
	void scalesAndDrainsWithoutGoingBelowOnePod() {
		Map<String, Object> deployment = resource(BASE, "Deployment", "kinship");
		Map<String, Object> hpa = resource(BASE, "HorizontalPodAutoscaler", null);
		assertThat(Nodes.string(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
		assertThat(Nodes.string(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(name(deployment));
		assertThat((Integer) Nodes.at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
		Map<String, Object> budget = resource(BASE, "PodDisruptionBudget", null);
		assertThat(Nodes.strings(deployment, "spec", "template", "metadata", "labels"))
			.containsAllEntriesOf(Nodes.strings(budget, "spec", "selector", "matchLabels"));
		assertThat(Nodes.at(budget, "spec", "maxUnavailable")).isEqualTo(1);
	}

	/**
	 * What a Kinship pod is started with: ConfigMap and Secret, the overlay's over the
	 * base's.
	 */
	static Map<String, String> nodeEnvironment() {
		Map<String, String> environment = new TreeMap<>();
		for (Path folder : List.of(BASE, OVERLAY)) {
			environment.putAll(Nodes.strings(resource(folder, "ConfigMap", null), "data"));
			environment.putAll(Nodes.strings(resource(folder, "Secret", null), "stringData"));
		}
		return environment;
	}

	private static Map<String, Object> resource(Path folder, String kind, String name) {
		List<Map<String, Object>> found = new ArrayList<>();
		for (Path file : yamlFiles(folder).stream().map(folder::resolve).toList()) {
			for (Map<String, Object> document : Repository.yaml(file)) {
				if (kind.equals(document.get("kind")) && (name == null || name.equals(name(document)))) {
					found.add(document);
				}
			}
		}
		assertThat(found).as("%s in %s", kind, folder).hasSize(1);
		return found.get(0);
	}

	private static String name(Map<String, Object> resource) {
		return Nodes.string(resource, "metadata", "name");
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		List<Object> containers = Nodes.list(deployment, "spec", "template", "spec", "containers");
		assertThat(containers).hasSize(1);
		return Nodes.map(containers.get(0));
	}

	private static Map<String, Integer> containerPorts(Map<String, Object> container) {
		Map<String, Integer> ports = new TreeMap<>();
		Nodes.list(container, "ports")
			.forEach((port) -> ports.put(Nodes.string(port, "name"), (Integer) Nodes.at(port, "containerPort")));
		return ports;
	}

	private static Set<String> yamlFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			Set<String> names = new TreeSet<>();
			files.map((file) -> file.getFileName().toString())
				.filter((file) -> file.endsWith(".yaml") && !file.equals("kustomization.yaml"))
				.forEach(names::add);
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
