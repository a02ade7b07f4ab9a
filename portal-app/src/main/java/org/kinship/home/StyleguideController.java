package org.kinship.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The style guide: Kinship's tokens and components as the pages use them, themed by the
 * portal when there is a session, for designers, developers and the hospital checking its
 * theme.
 */
@Controller
class StyleguideController {

	@GetMapping("/styleguide")
	String styleguide() {
		return "styleguide";
	}

}
