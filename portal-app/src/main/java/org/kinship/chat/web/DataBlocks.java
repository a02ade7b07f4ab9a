package org.kinship.chat.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for a data block in a page ({@code <script type="application/json">}, never run):
 * {@code <}, {@code >} and {@code &} are written as JSON escapes while the value is
 * serialized, so that no text in it can close the block or start markup, and the JSON is
 * written once (replacing them afterwards copied the whole text once per character).
 */
final class DataBlocks {

	private static final CharacterEscapes ESCAPES = new MarkupEscapes();

	private DataBlocks() {
	}

	/**
	 * A writer of data-block JSON.
	 * @param json the application's mapper
	 * @return its writer with the markup characters escaped
	 */
	static ObjectWriter writer(JsonMapper json) {
		return json.writer().with(ESCAPES);
	}

	/** JSON's own escapes, and {@code \\u00XX} for the three that make markup. */
	private static final class MarkupEscapes extends CharacterEscapes {

		private static final long serialVersionUID = 1L;

		private final int[] ascii;

		MarkupEscapes() {
			this.ascii = CharacterEscapes.standardAsciiEscapesForJSON();
			this.ascii['<'] = ESCAPE_STANDARD;
			this.ascii['>'] = ESCAPE_STANDARD;
			this.ascii['&'] = ESCAPE_STANDARD;
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return this.ascii;
		}

		@Override
		public @Nullable SerializableString getEscapeSequence(int ch) {
			// only the standard escapes are asked for
			return null;
		}

	}

}
