package org.kinship;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the bundles of {@link ScriptBundle} beside the scripts they are made of, under
 * the scripts' shared version ({@code /{version}/js/chat.bundle.js}), made once at
 * startup from the scripts in the jar. The group page loads {@code chat.bundle.js}: the
 * chat's thirteen modules in one file, importing only the socket and the times, which
 * other scripts of the same page import too and which must run once.
 */
final class ScriptBundles implements ResourceResolver {

	/** Where the group page's chat bundle is served, below the scripts' version. */
	static final String CHAT = "js/chat.bundle.js";

	private static final String ROOT = "static/js/";

	private final Map<String, Resource> bundles;

	ScriptBundles() {
		this.bundles = Map.of(CHAT,
				new Bundle(chat().getBytes(StandardCharsets.UTF_8), "chat.bundle.js", Instant.now().toEpochMilli()));
	}

	/**
	 * The text of the chat's bundle, as served.
	 * @return the bundle
	 */
	static String chat() {
		return ScriptBundle.of("chat.js", Set.of("socket.js", "times.js"), ScriptBundles::source);
	}

	private static String source(String path) {
		try (InputStream in = new ClassPathResource(ROOT + path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Script bundle: cannot read " + path, ex);
		}
	}

	@Override
	public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		// with its version taken off, a path keeps the slash that followed the version
		Resource bundle = this.bundles.get(requestPath.startsWith("/") ? requestPath.substring(1) : requestPath);
		return (bundle != null) ? bundle : chain.resolveResource(request, requestPath, locations);
	}

	@Override
	public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return this.bundles.containsKey(resourcePath) ? resourcePath : chain.resolveUrlPath(resourcePath, locations);
	}

	/** A bundle in memory, named so that it is served as JavaScript. */
	private static final class Bundle extends ByteArrayResource {

		private final String name;

		private final long made;

		Bundle(byte[] text, String name, long made) {
			super(text, "script bundle " + name);
			this.name = name;
			this.made = made;
		}

		@Override
		public String getFilename() {
			return this.name;
		}

		@Override
		public long lastModified() {
			return this.made;
		}

	}

}
