package org.kinship.groups.internal;

import org.junit.jupiter.api.Test;
import org.kinship.shared.MarkdownRenderer;

import static org.assertj.core.api.Assertions.assertThat;

class GuidelinesRenderingTests {

	private final GuidelinesRendering rendering = new GuidelinesRendering(new MarkdownRenderer());

	@Test
	void rendersMarkdownAndKeepsItsSource() {
		GuidelinesRendering.Rendered rendered = this.rendering.render("  Be **kind**.\n\n- Listen\n");

		assertThat(rendered.html()).isEqualTo("<p>Be <strong>kind</strong>.</p>\n<ul><li>Listen</li></ul>");
		assertThat(rendered.markdown()).isEqualTo("Be **kind**.\n\n- Listen");
	}

	@Test
	void sanitizesGuidelinesTypedAsHtmlAndKeepsNoSource() {
		GuidelinesRendering.Rendered rendered = this.rendering
			.render("<h2>Ways</h2><p onclick=\"x()\">Be kind.</p><script>x()</script>");

		assertThat(rendered.html()).isEqualTo("<h2>Ways</h2><p>Be kind.</p>");
		assertThat(rendered.markdown()).isNull();
	}

	@Test
	void tellsHtmlFromMarkdownByAnOpeningTag() {
		assertThat(GuidelinesRendering.isHtml("\n <p>Be kind.</p>")).isTrue();
		assertThat(GuidelinesRendering.isHtml("<br/>")).isTrue();
		assertThat(GuidelinesRendering.isHtml("<!-- old --><p>x</p>")).isTrue();
		assertThat(GuidelinesRendering.isHtml("<https://example.org> is ours")).isFalse();
		assertThat(GuidelinesRendering.isHtml("<care@example.org>")).isFalse();
		assertThat(GuidelinesRendering.isHtml("Be kind. <b>Really</b>.")).isFalse();
		assertThat(GuidelinesRendering.isHtml("1 < 2")).isFalse();
	}

}
