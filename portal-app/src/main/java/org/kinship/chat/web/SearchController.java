package org.kinship.chat.web;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.ChatSearch;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page: a form over the person's groups, and the messages found, each linking
 * into its group's discussion at that message.
 */
@Controller
class SearchController {

	private final ChatSearch search;

	SearchController(ChatSearch search) {
		this.search = search;
	}

	@GetMapping("/search")
	String search(KinshipPrincipal principal, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Nullable Long group, Model model) {
		String query = (q.length() > 200) ? q.substring(0, 200) : q;
		model.addAttribute("query", query);
		model.addAttribute("group", group);
		model.addAttribute("groups", this.search.searchable(principal));
		model.addAttribute("searched", !query.isBlank());
		model.addAttribute("found",
				query.isBlank() ? java.util.List.of() : this.search.search(principal, query, group));
		return "chat/search";
	}

}
