package org.kinship.groups.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kinship.shared.MarkdownRenderer;

import org.springframework.stereotype.Component;

/**
 * Turns guidelines as a community manager or facilitator typed them into what members
 * see. Guidelines are written in Markdown (chat's subset, and headings); guidelines saved
 * before Markdown were typed as HTML and still may be, so that an old group's guidelines
 * shown back in its form save as they are. The same pipeline serves saving and the
 * editor's preview.
 */
@Component
public class GuidelinesRendering {

	/**
	 * How HTML is told from Markdown: the text, leading blanks aside, opens with a tag
	 * such as {@code
	 *
	<p>
	 * }, {@code
	 *
	<ul>
	 * } or {@code
	 *
	<h2 class="x">}, or with a comment. Markdown never needs that (it shows typed markup
	 * as text), and its autolinks ({@code <https://...>}, {@code <name@example.org>}) do
	 * not match.
	 */
	private static final Pattern HTML = Pattern.compile("^\\s*<(?:[a-zA-Z][a-zA-Z0-9]*[\\s/>]|!--)");

	private final MarkdownRenderer markdown;

	GuidelinesRendering(MarkdownRenderer markdown) {
		this.markdown = markdown;
	}

	/**
	 * Renders guidelines.
	 * @param typed the guidelines as typed, Markdown or HTML
	 * @return the sanitized HTML, with the Markdown source when it was Markdown
	 */
	public Rendered render(String typed) {
		if (isHtml(typed)) {
			return new Rendered(GuidelinesPolicy.sanitize(typed), null);
		}
		String source = typed.strip();
		return new Rendered(this.markdown.renderDocument(source), source);
	}

	static boolean isHtml(String typed) {
		return HTML.matcher(typed).lookingAt();
	}

	/**
	 * Guidelines ready to store.
	 *
	 * @param html what members see, passed through an allowlist sanitizer
	 * @param markdown what was typed when it was Markdown, shown back in the form;
	 * {@code null} for HTML, which the form shows as the HTML itself
	 */
	public record Rendered(String html, @Nullable String markdown) {
	}

}
