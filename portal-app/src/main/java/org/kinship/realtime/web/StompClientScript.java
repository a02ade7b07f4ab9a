package org.kinship.realtime.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Where a page finds the browser's STOMP client: the {@code stomp__stompjs} webjar at the
 * version of the jar on the class path, read once from that jar's own Maven metadata, so
 * that the version is written in one place only, the build's {@code stompjs.version}. The
 * layout hands the path to {@code socket.js}, which loads the library once per page.
 * (webjars-locator-lite would give version-free paths, but this one path does not justify
 * another dependency.) Every page's model gets it as {@code stompClient}; an advice
 * rather than a plain bean so that page slices ({@code @WebMvcTest}) render the layout
 * too.
 */
@ControllerAdvice
class StompClientScript {

	private static final String METADATA = "META-INF/maven/org.webjars.npm/stomp__stompjs/pom.properties";

	private final String path;

	StompClientScript() {
		this.path = "/webjars/stomp__stompjs/" + version() + "/bundles/stomp.umd.min.js";
	}

	/**
	 * The library's path, for {@code @{...}} in a template.
	 * @return the path under the application's context path
	 */
	@ModelAttribute("stompClient")
	public String path() {
		return this.path;
	}

	private static String version() {
		try {
			Properties metadata = PropertiesLoaderUtils.loadProperties(new ClassPathResource(METADATA));
			String version = metadata.getProperty("version");
			if (version == null) {
				throw new IllegalStateException("No version in " + METADATA);
			}
			return version;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The STOMP client webjar is not on the class path", ex);
		}
	}

}
