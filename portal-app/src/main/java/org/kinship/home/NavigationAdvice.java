package org.kinship.home;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Which entry of the navigation bar the page belongs to, so that the bar can mark it
 * ({@code aria-current="page"}). Every page's model gets it as {@code navCurrent}.
 */
@ControllerAdvice
class NavigationAdvice {

	@ModelAttribute("navCurrent")
	String navCurrent(HttpServletRequest request) {
		return section(request.getRequestURI().substring(request.getContextPath().length()));
	}

	static String section(String path) {
		if (path.isEmpty() || "/".equals(path)) {
			return "home";
		}
		if (path.startsWith("/manage/broadcasts")) {
			return "manage-broadcasts";
		}
		String[][] prefixes = { { "/groups", "groups" }, { "/broadcasts", "broadcasts" },
				{ "/conversations", "conversations" }, { "/help", "help" }, { "/styleguide", "help" },
				{ "/review", "review" }, { "/manage/groups", "manage" }, { "/admin/rights", "rights" } };
		for (String[] prefix : prefixes) {
			if (path.startsWith(prefix[0])) {
				return prefix[1];
			}
		}
		return "";
	}

}
