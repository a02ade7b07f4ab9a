package org.kinship.launch.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PortalStyleTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void mapsThePortalsColoursAndFontsToKinshipVariables() {
		var variables = PortalStyle.toVariables(this.json.readTree("""
				{"color_highlight": "#0b6e4f", "color_text": "#1b1b1b", "font_family_body": "Georgia, serif",
				 "dim_border_radius": "6px"}
				"""));
		assertThat(variables).containsEntry("--kin-color-primary", "#0b6e4f")
			.containsEntry("--kin-color-text", "#1b1b1b")
			.containsEntry("--kin-font-family", "Georgia, serif")
			.containsEntry("--kin-radius", "6px");
	}

	@Test
	void dropsValuesThatCouldBreakOutOfTheStyleSheet() {
		var variables = PortalStyle.toVariables(this.json.readTree("""
				{"color_highlight": "red;} body{display:none", "font_family_body": "x</style><script>alert(1)</script>",
				 "dim_border_radius": "expression(alert(1))"}
				"""));
		assertThat(variables).isEmpty();
	}

	@Test
	void dropsColoursTooPaleToReadAgainst() {
		var variables = PortalStyle.toVariables(this.json.readTree("""
				{"color_highlight": "#a0e0c0", "color_text": "#cccccc"}
				"""));
		assertThat(variables).isEmpty();
	}

}
