package org.kinship.chat.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstMessagesSectionTests {

	@Test
	void writesNoTextThatCouldCloseTheDataBlockOrStartMarkup() {
		String json = "{\"bodyHtml\":\"<p>Tom &amp; I</p></script><script>alert(1)</script>\",\"n\":\"é😀\"}";

		String block = FirstMessagesSection.dataBlock(json);

		assertThat(block).doesNotContain("<", ">", "&")
			.isEqualTo("{\"bodyHtml\":\"\\u003cp\\u003eTom \\u0026amp; I\\u003c/p\\u003e\\u003c/script\\u003e"
					+ "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\",\"n\":\"é😀\"}");
	}

	@Test
	void leavesJsonWithNothingToEscapeAsItIs() {
		String json = "{\"messages\":[],\"more\":false}";

		assertThat(FirstMessagesSection.dataBlock(json)).isSameAs(json);
	}

}
