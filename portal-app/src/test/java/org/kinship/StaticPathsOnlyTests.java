package org.kinship;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links a page writes go through the static files' resolvers: only the static
 * folders' paths go on to the jar, every other path is answered at once.
 */
class StaticPathsOnlyTests {

	private final List<String> asked = new ArrayList<>();

	private final ResourceResolverChain jar = new ResourceResolverChain() {

		@Override
		public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations) {
			StaticPathsOnlyTests.this.asked.add(requestPath);
			return new ByteArrayResource(new byte[0]);
		}

		@Override
		public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
			StaticPathsOnlyTests.this.asked.add(resourcePath);
			return resourcePath;
		}

	};

	@Test
	void onlyTheStaticFoldersReachTheJar() {
		StaticAssets.StaticPathsOnly only = new StaticAssets.StaticPathsOnly();
		for (String path : List.of("css/kinship.css", "/js/chat.js", "4ca550a09fdec929/js/chat/page.js",
				"icons/kinship-192.png", "brands/sandbox.svg", "manifest.webmanifest", "push-worker.js")) {
			assertThat(only.resolveUrlPath(path, List.of(), this.jar)).as(path).isEqualTo(path);
			assertThat(only.resolveResource(null, path, List.of(), this.jar)).as(path).isNotNull();
		}
		for (String path : List.of("groups/heart-failure-support", "chat/groups/7/messages", "launch/choose", "",
				"groups/js/chat.js", "cssx/a.css")) {
			assertThat(only.resolveUrlPath(path, List.of(), this.jar)).as(path).isNull();
			assertThat(only.resolveResource(null, path, List.of(), this.jar)).as(path).isNull();
		}
		assertThat(this.asked).hasSize(14);
	}

}
