package org.kinship.home;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.Suggestions;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.RecordContext;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final RecordContext records;

	private final Suggestions suggestions;

	private final GroupDirectory directory;

	HomeController(RecordContext records, Suggestions suggestions, GroupDirectory directory) {
		this.records = records;
		this.suggestions = suggestions;
		this.directory = directory;
	}

	@GetMapping("/")
	String home(@Nullable KinshipPrincipal principal, Model model) {
		if (principal != null) {
			model.addAttribute("record", this.records.contextPatient(principal));
			model.addAttribute("suggested", this.suggestions.suggest(principal));
			model.addAttribute("mine", this.directory.mine(principal));
		}
		return "home";
	}

}
