package org.kinship.shared;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

	private final MarkdownRenderer markdown = new MarkdownRenderer();

	@Test
	void aPlainLineIsShownAsTheParserWouldShowIt() {
		String alphabet = "abcXYZ éßж日本 0123456789 .,;:?'\"()/%$€@#-+=^{}\t\n*_`[]!<>&~|\\😢🙏";
		Random random = new Random(42);
		int plain = 0;
		for (int round = 0; round < 20_000; round++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(40);
			for (int index = 0; index < length; index++) {
				text.appendCodePoint(alphabet.codePointAt(
						alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
			}
			String line = text.toString();
			if (MarkdownRenderer.isPlainLine(line)) {
				plain++;
				assertThat(this.markdown.render(line)).as(line).isEqualTo(this.markdown.renderParsed(line));
			}
		}
		assertThat(plain).isGreaterThan(100);
	}

	@Test
	void whatMarkdownWouldReadIsParsed() {
		assertThat(MarkdownRenderer.isPlainLine("How is everyone doing today?")).isTrue();
		assertThat(MarkdownRenderer.isPlainLine("1. a list")).isFalse();
		assertThat(MarkdownRenderer.isPlainLine("so *very* tired")).isFalse();
		assertThat(MarkdownRenderer.isPlainLine("two\nlines")).isFalse();
		assertThat(this.markdown.render("so *very* tired")).isEqualTo("<p>so <em>very</em> tired</p>");
		assertThat(this.markdown.render("Ask \"Dr. Lee\" about it"))
			.isEqualTo(this.markdown.renderParsed("Ask \"Dr. Lee\" about it"));
		assertThat(this.markdown.render("hi <script>alert(1)</script>")).doesNotContain("<script>");
	}

	@Test
	void documentsHaveHeadingsBelowThePagesOwn() {
		MarkdownRenderer renderer = new MarkdownRenderer();

		assertThat(renderer.renderDocument("# Ways\n\n## Kindness\n\n#### Small\n\nBe **kind**."))
			.isEqualTo("<h3>Ways</h3>\n<h4>Kindness</h4>\n<h6>Small</h6>\n<p>Be <strong>kind</strong>.</p>");
		assertThat(renderer.renderDocument("# <img src=x onerror=alert(1)> [x](javascript:alert(1))"))
			.startsWith("<h3>&lt;img src&#61;x onerror&#61;alert(1)&gt; ")
			.doesNotContain("javascript", "<img");
		assertThat(renderer.render("# Ways")).as("messages have no headings").isEqualTo("<p># Ways</p>");
	}

}
