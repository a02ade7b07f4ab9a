package org.kinship.review.web;

import org.kinship.shared.Refused;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a review page says after a form: the notice when the action was taken, the plain
 * reason when it was refused. Either way the browser is sent back to a page.
 */
final class Outcomes {

	private Outcomes() {
	}

	static String redirect(RedirectAttributes redirect, String back, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
		}
		catch (Refused refused) {
			refusedWith(redirect, refused);
		}
		return "redirect:" + back;
	}

	static void refusedWith(RedirectAttributes redirect, Refused refused) {
		redirect.addFlashAttribute("problem", refused.messageKey());
		redirect.addFlashAttribute("problemArgs", refused.arguments());
	}

}
