package org.kinship.home;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.RecordContext;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final RecordContext records;

	HomeController(RecordContext records) {
		this.records = records;
	}

	@GetMapping("/")
	String home(@Nullable KinshipPrincipal principal, Model model) {
		if (principal != null) {
			model.addAttribute("record", this.records.contextPatient(principal));
		}
		return "home";
	}

}
