package org.kinship.shared;

import java.util.Set;

import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

/**
 * The Markdown subset of chat: emphasis, strong, inline code and code blocks, lists,
 * quotes and links. Typed HTML is shown as text, images as their address, and headings
 * are not enabled; the output passes an allowlist sanitizer all the same. Links are never
 * fetched by the server; they open in a new tab with
 * {@code rel="nofollow noopener noreferrer"}.
 */
@Component
public class MarkdownRenderer {

	/** What could make Markdown of a line starting with a letter. */
	private static final String MARKDOWN = "\\`*_[]!<>&~|";

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "br", "a")
		.allowUrlProtocols("https", "http", "mailto")
		.allowAttributes("href")
		.onElements("a")
		.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
		.allowAttributes("target")
		.matching(false, "_blank")
		.onElements("a")
		.toFactory();

	private final Parser parser = Parser.builder()
		.enabledBlockTypes(Set.of(org.commonmark.node.BlockQuote.class, org.commonmark.node.FencedCodeBlock.class,
				org.commonmark.node.ListBlock.class, org.commonmark.node.IndentedCodeBlock.class))
		.build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.softbreak("<br>")
		.attributeProviderFactory((context) -> (node, tag, attributes) -> {
			if ("a".equals(tag)) {
				attributes.put("target", "_blank");
			}
		})
		.nodeRendererFactory((context) -> new org.commonmark.renderer.NodeRenderer() {
			@Override
			public Set<Class<? extends org.commonmark.node.Node>> getNodeTypes() {
				return Set.of(Image.class, HtmlBlock.class, HtmlInline.class);
			}

			@Override
			public void render(org.commonmark.node.Node node) {
				// images would make every reader's browser fetch a stranger's URL
				if (node instanceof Image image) {
					context.getWriter().text(image.getDestination());
				}
				// markup a member types is shown as the text they typed
				else if (node instanceof HtmlInline html) {
					context.getWriter().text(html.getLiteral());
				}
				else if (node instanceof HtmlBlock html) {
					context.getWriter().tag("p");
					context.getWriter().text(html.getLiteral().strip());
					context.getWriter().tag("/p");
				}
			}
		})
		.build();

	/**
	 * Renders a message.
	 * @param markdown the message as typed
	 * @return safe HTML
	 */
	public String render(String markdown) {
		if (isPlainLine(markdown)) {
			// most messages: nothing in them Markdown would read, so no parsing
			return POLICY.sanitize("<p>" + markdown.replace("\"", "&quot;") + "</p>").trim();
		}
		return renderParsed(markdown);
	}

	String renderParsed(String markdown) {
		return POLICY.sanitize(this.renderer.render(this.parser.parse(markdown))).trim();
	}

	/**
	 * Whether a text is one line that Markdown shows as it is: it starts with a letter
	 * (no list, quote, code block or rule), ends with no space, and holds no line break,
	 * control character, or character that could open emphasis, code, a link, an image,
	 * an entity, markup or an escape.
	 */
	static boolean isPlainLine(String text) {
		if (text.isEmpty() || !Character.isLetter(text.codePointAt(0))
				|| Character.isWhitespace(text.charAt(text.length() - 1))) {
			return false;
		}
		for (int index = 0; index < text.length(); index++) {
			char character = text.charAt(index);
			if (character < ' ' || character == 0x7f || MARKDOWN.indexOf(character) >= 0) {
				return false;
			}
		}
		return true;
	}

}
