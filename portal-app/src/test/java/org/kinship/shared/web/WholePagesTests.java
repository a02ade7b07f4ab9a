package org.kinship.shared.web;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

class WholePagesTests {

	@Test
	void aTemplateIsAWholePage() {
		assertThat(WholePages.isWholePage(new ModelAndView("groups/group"))).isTrue();
	}

	@Test
	void redirectsFragmentsAndBodiesAreNot() {
		assertThat(WholePages.isWholePage(new ModelAndView("redirect:/groups"))).isFalse();
		assertThat(WholePages.isWholePage(new ModelAndView("careplan/panel :: contents"))).isFalse();
		assertThat(WholePages.isWholePage(new ModelAndView())).isFalse();
		assertThat(WholePages.isWholePage(null)).isFalse();
	}

}
