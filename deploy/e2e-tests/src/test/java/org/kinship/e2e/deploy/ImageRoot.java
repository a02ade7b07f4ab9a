package org.kinship.e2e.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An image tar of Docker's format unpacked as a container runtime would, its layers in
 * order into one root, and commands run in it: in a chroot, as the image's user, with the
 * image's environment alone, with its own /proc (a mount and PID namespace of its own)
 * and the character devices every runtime gives (/dev/null, /dev/urandom, ...). The
 * network is this machine's, so a server on 127.0.0.1 answers inside.
 */
final class ImageRoot {

	/** What chroot, unshare and mknod need; CI and the project's machines run as root. */
	private static final String NEEDS_ROOT = "running an image needs root (chroot, unshare --mount-proc, "
			+ "mknod), as deploy/test has on the project's machines and in CI";

	private static final List<String> DEVICES = List.of("null:1:3", "zero:1:5", "full:1:7", "random:1:8",
			"urandom:1:9");

	private final Path root;

	private final Map<String, Object> config;

	private ImageRoot(Path root, Map<String, Object> config) {
		this.root = root;
		this.config = config;
	}

	static ImageRoot unpack(Path tar, Path directory) throws IOException, InterruptedException {
		assertThat((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).as(NEEDS_ROOT).isZero();
		Path blobs = Files.createDirectories(directory.resolve("blobs"));
		Path root = Files.createDirectories(directory.resolve("root"));
		host("tar", "-xf", tar.toString(), "-C", blobs.toString());
		Map<String, Object> manifest = new Yaml()
			.<List<Map<String, Object>>>load(Files.readString(blobs.resolve("manifest.json"), StandardCharsets.UTF_8))
			.get(0);
		for (Object layer : Nodes.list(manifest, "Layers")) {
			host("tar", "--warning=no-unknown-keyword", "-xf", blobs.resolve(layer.toString()).toString(), "-C",
					root.toString());
		}
		Files.createDirectories(root.resolve("proc"));
		Files.createDirectories(root.resolve("dev"));
		for (String device : DEVICES) {
			String[] parts = device.split(":");
			host("mknod", "-m", "666", root.resolve("dev/" + parts[0]).toString(), "c", parts[1], parts[2]);
		}
		Map<String, Object> config = new Yaml()
			.load(Files.readString(blobs.resolve(Nodes.string(manifest, "Config")), StandardCharsets.UTF_8));
		host("rm", "-rf", blobs.toString());
		return new ImageRoot(root, config);
	}

	Map<String, Object> config() {
		return this.config;
	}

	List<String> entrypoint() {
		return Nodes.list(this.config, "config", "Entrypoint").stream().map(String::valueOf).toList();
	}

	/**
	 * Runs a command the way the runtime runs the entrypoint: found on the image's PATH.
	 */
	Result run(List<String> command) throws IOException, InterruptedException {
		return Result.of(container(command, Map.of()).redirectErrorStream(true).start(), command);
	}

	/**
	 * Starts a command that keeps running (an application), with variables added to the
	 * image's environment, its output going to a file; {@link #stop} ends it.
	 */
	Process start(List<String> command, Map<String, String> environment, Path output) throws IOException {
		return container(command, environment).redirectErrorStream(true).redirectOutput(output.toFile()).start();
	}

	/** Asks the processes in the container to end (SIGTERM), then makes them. */
	static void stop(Process process) throws InterruptedException {
		// unshare ignores SIGTERM and ends with its child, which the chroot's change of
		// user
		// keeps from dying with it
		process.descendants().forEach(ProcessHandle::destroy);
		if (!process.waitFor(1, TimeUnit.MINUTES)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private ProcessBuilder container(List<String> command, Map<String, String> environment) {
		List<String> line = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork",
				"--mount-proc=" + this.root.resolve("proc"), "/usr/sbin/chroot",
				"--userspec=" + Nodes.string(this.config, "config", "User"), this.root.toString()));
		line.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(line);
		builder.environment().clear();
		for (Object variable : Nodes.list(this.config, "config", "Env")) {
			String[] pair = variable.toString().split("=", 2);
			builder.environment().put(pair[0], pair[1]);
		}
		builder.environment().putAll(environment);
		return builder;
	}

	private static void host(String... command) throws IOException, InterruptedException {
		Result result = Result.of(new ProcessBuilder(command).redirectErrorStream(true).start(), List.of(command));
		assertThat(result.exitCode()).as("%s: %s", String.join(" ", command), result.output()).isZero();
	}

	record Result(int exitCode, String output) {

		static Result of(Process process, List<String> command) throws IOException, InterruptedException {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			// a bound against a hung process, not a measure of speed
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s ended", command).isTrue();
			return new Result(process.exitValue(), output);
		}

	}

}
