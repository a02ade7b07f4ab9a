package dev.kinship.sandbox.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kinship.sandbox.SandboxProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The portal's style sheet for apps, {@code smart_style_url}.
 */
@RestController
class SmartStyleController {

	@GetMapping(path = "/smart-style.json", produces = "application/json")
	Map<String, Object> smartStyle() {
		Map<String, Object> style = new LinkedHashMap<>();
		style.put("color_background", "#f4f7f6");
		style.put("color_error", "#b00020");
		style.put("color_highlight", "#0b6e4f");
		style.put("color_modal_backdrop", "");
		style.put("color_success", "#2e7d32");
		style.put("color_text", "#1b1b1b");
		style.put("dim_border_radius", "6px");
		style.put("dim_font_size", "16px");
		style.put("dim_spacing_size", "16px");
		style.put("font_family_body", "Georgia, 'Times New Roman', serif");
		style.put("font_family_heading", "'Trebuchet MS', Helvetica, sans-serif");
		return style;
	}

}
