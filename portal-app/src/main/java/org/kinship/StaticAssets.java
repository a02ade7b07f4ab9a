package org.kinship;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files with cache-busted paths, so that a browser keeps them a year and asks
 * again only when they change ({@link StaticCacheHeaders}). Style sheets, icons and the
 * STOMP client get the hash of their content in their name ({@code kinship-3f2a….css});
 * the scripts, which are ES modules importing each other by relative paths, share one
 * version prefix, the hash of all of them ({@code /3f2a…/js/chat.js}), so that an import
 * of {@code ./socket.js} lands on the same version. Templates write plain paths
 * ({@code @{/css/kinship.css}}) and {@link ResourceUrlEncodingFilter} versions them.
 * Bundles of a page's modules ({@link ScriptBundles}) share the scripts' version. Spring
 * Boot's own resource mappings are off ({@code spring.web.resources.add-mappings}).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

	private final String scriptsVersion = scriptsVersion();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		// the manifest keeps its path: a browser knows an installed app by it
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addFixedVersionStrategy(this.scriptsVersion, "/js/**")
				.addContentVersionStrategy("/css/**", "/icons/**"))
			.addResolver(new StaticPathsOnly())
			.addResolver(new ScriptBundles());
	}

	/**
	 * Lets only the static folders' paths reach the jar: others are no file, and are
	 * answered at once. The handler's pattern ({@code /**}) matches every path, so
	 * {@link ResourceUrlEncodingFilter} asks the chain about every link a page writes
	 * ({@code @{/groups/…}} as much as {@code @{/css/…}}), and Spring caches only the
	 * paths it finds: without this, each link of each page was looked for in the jar, a
	 * seventh of a node's processor time under the capacity benchmark's mix.
	 */
	static final class StaticPathsOnly implements ResourceResolver {

		private static final Pattern STATIC = Pattern
			.compile("^/?(?:(?:[0-9a-f]{16}/)?js/|css/|icons/|brands/|manifest\\.webmanifest$|push-worker\\.js$)");

		@Override
		public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return STATIC.matcher(requestPath).find() ? chain.resolveResource(request, requestPath, locations) : null;
		}

		@Override
		public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return STATIC.matcher(resourcePath).find() ? chain.resolveUrlPath(resourcePath, locations) : null;
		}

	}

	@Bean
	ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
		return new ResourceUrlEncodingFilter();
	}

	@Bean
	StaticCacheHeaders staticCacheHeaders() {
		return new StaticCacheHeaders(this.scriptsVersion);
	}

	/**
	 * The version of every script: the first 16 hex digits of a SHA-256 over their paths
	 * and contents, in path order.
	 * @return the version
	 */
	static String scriptsVersion() {
		try {
			Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:/static/js/**/*.js");
			Arrays.sort(scripts, Comparator.comparing(
					(Resource script) -> String.valueOf(script.getDescription()).replaceAll(".*static/js/", "")));
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Resource script : scripts) {
				digest.update(String.valueOf(script.getFilename()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				try (InputStream content = script.getInputStream()) {
					digest.update(content.readAllBytes());
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
