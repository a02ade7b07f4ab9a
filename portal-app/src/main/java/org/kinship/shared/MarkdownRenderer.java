package org.kinship.shared;

import java.util.Set;

import org.commonmark.node.Block;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

/**
 * The Markdown subset of chat: emphasis, strong, inline code and code blocks, lists,
 * quotes and links. Typed HTML is shown as text, images as their address, and headings
 * are not enabled in messages; the output passes an allowlist sanitizer all the same.
 * Links are never fetched by the server; they open in a new tab with
 * {@code rel="nofollow noopener noreferrer"}. Longer documents, such as a group's
 * guidelines, may also have headings ({@link #renderDocument(String)}).
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

	/** Headings start at level 3: a document is shown under its page's own headings. */
	private static final PolicyFactory DOCUMENT_POLICY = POLICY
		.and(new HtmlPolicyBuilder().allowElements("h3", "h4", "h5", "h6").toFactory());

	private static final Set<Class<? extends Block>> MESSAGE_BLOCKS = Set.of(org.commonmark.node.BlockQuote.class,
			org.commonmark.node.FencedCodeBlock.class, org.commonmark.node.ListBlock.class,
			org.commonmark.node.IndentedCodeBlock.class);

	private final Parser parser = Parser.builder().enabledBlockTypes(MESSAGE_BLOCKS).build();

	private final Parser documentParser = Parser.builder()
		.enabledBlockTypes(union(MESSAGE_BLOCKS, Set.of(Heading.class)))
		.build();

	private final HtmlRenderer renderer = renderer(false);

	private final HtmlRenderer documentRenderer = renderer(true);

	private static HtmlRenderer renderer(boolean headings) {
		HtmlRenderer.Builder builder = HtmlRenderer.builder()
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
			});
		if (headings) {
			builder.nodeRendererFactory(ShiftedHeadings::new);
		}
		return builder.build();
	}

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

	/**
	 * Renders a longer document: what {@link #render(String)} allows, and headings, shown
	 * two levels down ({@code #} as {@code h3}, {@code ####} and below as {@code h6}).
	 * @param markdown the document as typed
	 * @return safe HTML
	 */
	public String renderDocument(String markdown) {
		return DOCUMENT_POLICY.sanitize(this.documentRenderer.render(this.documentParser.parse(markdown))).trim();
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

	private static Set<Class<? extends Block>> union(Set<Class<? extends Block>> one,
			Set<Class<? extends Block>> other) {
		Set<Class<? extends Block>> all = new java.util.HashSet<>(one);
		all.addAll(other);
		return all;
	}

	private static final class ShiftedHeadings implements NodeRenderer {

		private final HtmlNodeRendererContext context;

		ShiftedHeadings(HtmlNodeRendererContext context) {
			this.context = context;
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(Heading.class);
		}

		@Override
		public void render(Node node) {
			String tag = "h" + Math.min(((Heading) node).getLevel() + 2, 6);
			HtmlWriter writer = this.context.getWriter();
			writer.line();
			writer.tag(tag);
			for (Node child = node.getFirstChild(); child != null;) {
				Node next = child.getNext();
				this.context.render(child);
				child = next;
			}
			writer.tag("/" + tag);
			writer.line();
		}

	}

}
