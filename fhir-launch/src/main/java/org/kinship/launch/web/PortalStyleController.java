package org.kinship.launch.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's look ({@code smart_style_url}) as a style sheet of Kinship's own, so that
 * pages need no inline style and the {@code Content-Security-Policy} can say
 * {@code style-src 'self'}. The values were checked against strict shapes when the
 * session began. Before a launch the sheet is empty.
 */
@RestController
class PortalStyleController {

	static final String PATH = "/launch/portal-style.css";

	@GetMapping(path = PATH, produces = "text/css")
	ResponseEntity<String> portalStyle(@Nullable KinshipPrincipal principal,
			@RequestParam(name = "v", required = false) @Nullable String version) {
		// the layout names the sheet with a version of the style's values (?v=...), which
		// do not change within a session: such a request is kept by this browser alone,
		// saving a round trip per page on a slow link
		CacheControl caching = (version != null) ? CacheControl.maxAge(java.time.Duration.ofHours(12)).cachePrivate()
				: CacheControl.noStore();
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(caching)
			.body(css((principal != null) ? principal.style() : Map.of()));
	}

	static String css(Map<String, String> variables) {
		return variables.entrySet()
			.stream()
			.map((variable) -> "\t" + variable.getKey() + ": " + variable.getValue() + ";\n")
			.collect(Collectors.joining("", ":root {\n", "}\n"));
	}

}
