package org.kinship.chat.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DataBlocksTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesNoTextThatCouldCloseTheBlockOrStartMarkupAndReadsBackTheSame() {
		Map<String, String> message = Map.of("bodyHtml", "<p>Tom &amp; I</p></script><script>alert(1)</script>", "name",
				"José 😀 \"quoted\"");

		String block = DataBlocks.writer(this.json).writeValueAsString(message);

		assertThat(block).doesNotContain("<", ">", "&").containsIgnoringCase("\\u003c/script\\u003e");
		assertThat(this.json.readValue(block, Map.class)).isEqualTo(message);
	}

}
