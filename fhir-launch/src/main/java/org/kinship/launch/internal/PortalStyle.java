package org.kinship.launch.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The portal's look ({@code smart_style_url}) turned into Kinship's CSS variables. Only
 * fetched from the issuer's own host, without a token, and only values of a strict shape
 * are kept, since they end up in a style sheet.
 */
@Component
class PortalStyle {

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}");

	private static final Pattern FONT = Pattern.compile("[A-Za-z0-9 ,'\"\\-]{1,120}");

	private static final Pattern DIMENSION = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?(px|rem|em)");

	private static final Map<String, String> VARIABLES = Map.of("color_background", "--kin-color-background",
			"color_highlight", "--kin-color-primary", "color_text", "--kin-color-text", "color_error",
			"--kin-color-error", "color_success", "--kin-color-success", "font_family_body", "--kin-font-family",
			"font_family_heading", "--kin-font-family-heading", "dim_border_radius", "--kin-radius");

	private final RestClient http;

	private final java.time.Duration ttl;

	private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

	PortalStyle(EhrHttp http, org.kinship.launch.LaunchProperties properties) {
		this.http = http.restClient();
		this.ttl = properties.discoveryTtl();
	}

	Map<String, String> variables(@Nullable String styleUrl, String fhirBase) {
		if (styleUrl == null || !sameHost(styleUrl, fhirBase)) {
			return Map.of();
		}
		java.time.Instant now = java.time.Instant.now();
		Cached cached = this.cache.get(styleUrl);
		if (cached != null && cached.expires().isAfter(now)) {
			return cached.variables();
		}
		Map<String, String> variables = fetch(styleUrl);
		this.cache.put(styleUrl, new Cached(variables, now.plus(this.ttl)));
		return variables;
	}

	private Map<String, String> fetch(String styleUrl) {
		try {
			JsonNode style = this.http.get()
				.uri(styleUrl)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(JsonNode.class);
			return (style != null) ? toVariables(style) : Map.of();
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
	}

	static Map<String, String> toVariables(JsonNode style) {
		Map<String, String> variables = new LinkedHashMap<>();
		VARIABLES.forEach((field, variable) -> {
			JsonNode value = style.get(field);
			if (value != null && value.isString() && acceptable(field, value.asString())) {
				variables.put(variable, value.asString());
			}
		});
		return variables;
	}

	private static boolean acceptable(String field, String value) {
		Pattern shape = field.startsWith("color_") ? COLOR : field.startsWith("font_") ? FONT : DIMENSION;
		if (!shape.matcher(value).matches()) {
			return false;
		}
		// white text sits on the highlight, and text sits on white: keep WCAG AA contrast
		if ("color_highlight".equals(field) || "color_text".equals(field) || "color_error".equals(field)) {
			return contrastWithWhite(value) >= 4.5;
		}
		if ("color_background".equals(field)) {
			return contrastWithWhite(value) <= 1.15;
		}
		return true;
	}

	static double contrastWithWhite(String hex) {
		String digits = hex.substring(1);
		if (digits.length() == 3 || digits.length() == 4) {
			digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1) + digits.charAt(2)
					+ digits.charAt(2);
		}
		double luminance = 0.2126 * channel(digits, 0) + 0.7152 * channel(digits, 2) + 0.0722 * channel(digits, 4);
		return 1.05 / (luminance + 0.05);
	}

	private static double channel(String digits, int offset) {
		double value = Integer.parseInt(digits.substring(offset, offset + 2), 16) / 255.0;
		return (value <= 0.03928) ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
	}

	private static boolean sameHost(String url, String fhirBase) {
		try {
			URI style = URI.create(url);
			URI base = URI.create(fhirBase);
			return style.getHost() != null && style.getHost().equalsIgnoreCase(base.getHost())
					&& style.getPort() == base.getPort()
					&& ("https".equals(style.getScheme()) || "http".equals(style.getScheme()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private record Cached(Map<String, String> variables, java.time.Instant expires) {
	}

}
