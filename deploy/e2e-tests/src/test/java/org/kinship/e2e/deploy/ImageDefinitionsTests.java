package org.kinship.e2e.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container images as the POMs define them (jib-maven-plugin, only under
 * {@code -Pimage}, which the README's test command gives): a non-root user, a Java 17
 * runtime that the build makes itself, the heap from the container's limit, and the ports
 * the applications listen on. With {@code -Pimage} the images are built as tars before
 * these tests run, and ImageTarsTests reads and runs them.
 */
class ImageDefinitionsTests {

	static final String PLUGIN = "jib-maven-plugin";

	static final Element ROOT = pom("pom.xml");

	@Test
	void buildsImagesOnlyUnderTheImageProfile() {
		Element managed = plugin(child(child(ROOT, "build"), "pluginManagement"));
		assertThat(text(managed, "version")).isEqualTo("${jib.version}");
		assertThat(property("jib.version")).matches("3\\.[45]\\.\\d+");
		for (String module : List.of("portal-app/pom.xml", "deploy/sandbox-ehr/pom.xml")) {
			Element pom = pom(module);
			assertThat(pluginOrNull(child(pom, "build"))).as("%s builds no image by default", module).isNull();
			assertThat(pluginOrNull(child(imageProfile(pom), "build"))).as(module).isNotNull();
		}
	}

	@Test
	void runsAsANonRootUserOnAJava17RuntimeWithTheHeapFromTheLimit() {
		Element container = child(configuration(plugin(child(child(ROOT, "build"), "pluginManagement"))), "container");
		assertThat(uid(text(container, "user"))).isPositive();
		assertThat(texts(child(container, "jvmFlags"))).contains("-XX:MaxRAMPercentage=75");
		assertThat(property("image.jdk")).contains("-17-");
		assertThat(property("image.jre.modules").split(",")).as("TLS with EC keys, Spanish, the health probe")
			.contains("java.base", "jdk.crypto.ec", "jdk.localedata", "java.net.http", "java.sql", "jdk.unsupported");
	}

	/**
	 * The base needs no registry: the build makes it (deploy/image-base) before Jib reads
	 * it, in both modules' image profiles.
	 */
	@Test
	void buildsOnTheBaseTheBuildMakes() {
		assertThat(property("image.base")).isEqualTo("tar://${image.base.tar}");
		Element managed = pluginManaged("exec-maven-plugin");
		Element execution = child(child(managed, "executions"), "execution");
		assertThat(text(execution, "phase")).isEqualTo("prepare-package");
		assertThat(texts(child(child(execution, "configuration"), "arguments"))).containsExactly(
				"${maven.multiModuleProjectDirectory}/deploy/image-base", "${image.base.tar}", "${image.jdk}",
				"${image.jre.modules}");
		assertThat(Repository.file("deploy/image-base")).isExecutable();
		for (String module : List.of("portal-app/pom.xml", "deploy/sandbox-ehr/pom.xml")) {
			assertThat(elements(child(child(imageProfile(pom(module)), "build"), "plugins")).stream()
				.map((plugin) -> text(plugin, "artifactId"))).as(module).containsExactly("exec-maven-plugin", PLUGIN);
		}
	}

	/** The README's test command builds the images and runs ImageTarsTests on them. */
	@Test
	void testCommandBuildsAndChecksTheImages() {
		assertThat(Repository.read(Repository.file("deploy/test"))).containsPattern("mvnw -B -Pimage verify");
	}

	@Test
	void exposesThePortsTheApplicationsListenOn() {
		KnownSettings kinship = KnownSettings.kinship();
		Map<String, String> cluster = KubernetesDefinitionsTests.nodeEnvironment();
		assertThat(ports("portal-app/pom.xml")).containsExactlyInAnyOrder(kinship.serverPort(Map.of()),
				kinship.managementPort(cluster));
		assertThat(ports("deploy/sandbox-ehr/pom.xml")).containsExactly(KnownSettings.sandbox().serverPort(Map.of()));
	}

	@Test
	void startsAMainClassThatExists() {
		for (String module : List.of("portal-app", "deploy/sandbox-ehr")) {
			String mainClass = text(imageContainer(pom(module + "/pom.xml")), "mainClass");
			Path source = Repository.file(module + "/src/main/java/" + mainClass.replace('.', '/') + ".java");
			assertThat(Repository.read(source)).contains("public static void main(String[] args)");
		}
	}

	/** An image's name as the POMs give it, without its tag. */
	static String imageName(String artifactId) {
		return property("image.registry") + "/" + artifactId;
	}

	static int uid(String user) {
		return Integer.parseInt(user.split(":")[0]);
	}

	static int imageUid() {
		return uid(text(child(configuration(plugin(child(child(ROOT, "build"), "pluginManagement"))), "container"),
				"user"));
	}

	static List<Integer> ports(String pomFile) {
		return texts(child(imageContainer(pom(pomFile)), "ports")).stream().map(Integer::parseInt).toList();
	}

	static Element imageContainer(Element pom) {
		return child(configuration(plugin(child(imageProfile(pom), "build"))), "container");
	}

	private static Element imageProfile(Element pom) {
		return elements(child(pom, "profiles")).stream()
			.filter((profile) -> "image".equals(text(profile, "id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no image profile"));
	}

	static Element configuration(Element plugin) {
		return child(plugin, "configuration");
	}

	static Element plugin(Element build) {
		Element plugin = pluginOrNull(build);
		assertThat(plugin).as(PLUGIN).isNotNull();
		return plugin;
	}

	private static Element pluginManaged(String artifactId) {
		return elements(child(child(child(ROOT, "build"), "pluginManagement"), "plugins")).stream()
			.filter((plugin) -> artifactId.equals(text(plugin, "artifactId")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + artifactId + " in pluginManagement"));
	}

	private static Element pluginOrNull(Element build) {
		return elements(child(build, "plugins")).stream()
			.filter((plugin) -> PLUGIN.equals(text(plugin, "artifactId")))
			.findFirst()
			.orElse(null);
	}

	static String property(String name) {
		return text(child(ROOT, "properties"), name);
	}

	static Element pom(String file) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			Document document = factory.newDocumentBuilder().parse(Repository.file(file).toFile());
			return document.getDocumentElement();
		}
		catch (Exception ex) {
			throw new IllegalStateException(file, ex);
		}
	}

	static Element child(Element parent, String name) {
		return elements(parent).stream()
			.filter((element) -> name.equals(element.getTagName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
	}

	private static List<Element> elements(Element parent) {
		return IntStream.range(0, parent.getChildNodes().getLength())
			.mapToObj(parent.getChildNodes()::item)
			.filter((node) -> node.getNodeType() == Node.ELEMENT_NODE)
			.map(Element.class::cast)
			.toList();
	}

	static String text(Element parent, String name) {
		return child(parent, name).getTextContent().trim();
	}

	private static List<String> texts(Element parent) {
		return elements(parent).stream().map((element) -> element.getTextContent().trim()).toList();
	}

	/** The configuration JSON of the image in a tar of Docker's format (jib:buildTar). */
	@SuppressWarnings("unchecked")
	static Map<String, Object> imageConfig(Path tar) throws IOException {
		Map<String, byte[]> entries = untar(tar);
		List<Object> manifest = new Yaml().load(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
		String config = Nodes.string(manifest.get(0), "Config");
		return new Yaml().load(new String(entries.get(config), StandardCharsets.UTF_8));
	}

	/** The small entries of a tar (the JSON files; layers are skipped). */
	private static Map<String, byte[]> untar(Path tar) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (InputStream in = Files.newInputStream(tar)) {
			byte[] header = new byte[512];
			while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
				String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "").trim();
				long size = Long
					.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
				long padded = (size + 511) / 512 * 512;
				if (name.endsWith(".json")) {
					ByteArrayOutputStream content = new ByteArrayOutputStream();
					content.write(in.readNBytes((int) size));
					entries.put(name, content.toByteArray());
					in.skipNBytes(padded - size);
				}
				else {
					in.skipNBytes(padded);
				}
			}
		}
		return entries;
	}

}
