package org.kinship.shared.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.ModelAndView;

/**
 * Which answers are whole pages, for the interceptors that add what the layout shows (the
 * broadcast strip, the conversations notice, the member's time zone): a view drawn from a
 * template, not a redirect, not a fragment ({@code "careplan/panel :: contents"}, which a
 * page's script asks for and which has no layout) and not a body written by the handler
 * (JSON). Only whole pages are worth those queries.
 */
public final class WholePages {

	private WholePages() {
	}

	/**
	 * Whether an answer is a whole page.
	 * @param answer the handler's model and view; {@code null} when it wrote the body
	 * @return whether a layout will be drawn for it
	 */
	public static boolean isWholePage(@Nullable ModelAndView answer) {
		if (answer == null) {
			return false;
		}
		String view = answer.getViewName();
		return view != null && !view.startsWith("redirect:") && !view.contains("::");
	}

}
