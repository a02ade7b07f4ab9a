package org.kinship;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The group page's scripts in one file: every chat module in it once, in the order the
 * browser would have run them, the socket and the times left as imports; and a module
 * written in a form the bundle does not know stops the build here instead of reaching a
 * member's phone half right. That the bundle runs is what the group page's browser tests
 * show.
 */
class ScriptBundleTests {

	private static final Pattern TOP_LEVEL_IMPORT_OR_EXPORT = Pattern.compile("(?m)^\\s*(import|export)\\b.*$");

	@Test
	void theChatBundleHoldsEveryChatModuleOnceAndImportsOnlyTheSocketAndTheTimes() throws IOException {
		String bundle = ScriptBundles.chat();
		List<String> modules;
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/js/chat"))) {
			modules = files.map((file) -> "chat/" + file.getFileName()).sorted().toList();
		}
		assertThat(modules).hasSizeGreaterThan(10);
		for (String module : modules) {
			assertThat(bundle).as(module).containsOnlyOnce("\n// module: " + module + "\n");
		}
		assertThat(bundle).containsOnlyOnce("\n// module: chat.js\n");
		assertThat(TOP_LEVEL_IMPORT_OR_EXPORT.matcher(bundle).results().map((found) -> found.group()))
			.containsExactlyInAnyOrder("import * as __external_socket from './socket.js';",
					"import * as __external_times from './times.js';");
		assertThat(bundle.indexOf("// module: chat/page.js")).as("a module runs after what it imports")
			.isLessThan(bundle.indexOf("// module: chat/actions.js"));
		assertThat(bundle.indexOf("// module: chat/actions.js"))
			.isLessThan(bundle.indexOf("// module: chat/messages.js"));
		assertThat(bundle.lastIndexOf("\n// module: ")).as("the page's own module last")
			.isEqualTo(bundle.indexOf("\n// module: chat.js\n"));
	}

	@Test
	void importsBecomeTheExportsOfTheModulesTheyName() {
		String bundle = ScriptBundle.of("main.js", Set.of("socket.js"), sources(Map.of("main.js", """
				import * as socket from './socket.js';
				import { greet, NAME as who } from './parts/greet.js';
				greet(who, socket);
				""", "parts/greet.js", """
				import { NAME } from '../names.js';
				export const NAME_TOO = NAME;
				export async function greet(name) {
					return 'Hello ' + name;
				}
				""", "names.js", """
				export const NAME = 'Ana';
				export class Person {}
				""")));

		assertThat(bundle).contains("import * as __external_socket from './socket.js';")
			.contains("const socket = __external_socket;")
			.contains("const { greet, NAME: who } = __module_parts_greet;")
			.contains("const { NAME } = __module_names;")
			.contains("async function greet(name) {")
			.contains("return Object.freeze({ NAME, Person });")
			.contains("return Object.freeze({ NAME_TOO, greet });")
			.doesNotContain("export ");
		assertThat(bundle.indexOf("// module: names.js")).isLessThan(bundle.indexOf("// module: parts/greet.js"));
		assertThat(bundle.indexOf("// module: parts/greet.js")).isLessThan(bundle.indexOf("// module: main.js"));
	}

	@Test
	void aFormTheBundleDoesNotKnowIsRefusedWithItsModuleAndLine() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ScriptBundle.of("main.js", Set.of(),
					sources(Map.of("main.js", "const a = 1;\nexport let counter = 0;\n"))))
			.withMessageContaining("main.js line 2");
		assertThatIllegalStateException()
			.isThrownBy(() -> ScriptBundle.of("main.js", Set.of(),
					sources(Map.of("main.js", "export default function () {}\n"))))
			.withMessageContaining("main.js line 1");
		assertThatIllegalStateException()
			.isThrownBy(() -> ScriptBundle.of("main.js", Set.of(),
					sources(Map.of("main.js", "import {\n\ta\n} from './a.js';\n", "a.js", "export const a = 1;\n"))))
			.withMessageContaining("main.js line 1");
		assertThatIllegalStateException()
			.isThrownBy(() -> ScriptBundle.of("main.js", Set.of(),
					sources(Map.of("main.js", "import { b } from './b.js';\nexport const a = 1;\n", "b.js",
							"import { a } from './main.js';\nexport const b = 2;\n"))))
			.withMessageContaining("import cycle");
		assertThatIllegalStateException()
			.isThrownBy(() -> ScriptBundle.of("main.js", Set.of(),
					sources(Map.of("main.js", "import { x } from 'https://example.org/x.js';\n"))))
			.withMessageContaining("main.js line 1");
	}

	private static java.util.function.Function<String, String> sources(Map<String, String> files) {
		return (path) -> {
			String text = files.get(path);
			if (text == null) {
				throw new IllegalStateException("no module " + path);
			}
			return text;
		};
	}

}
