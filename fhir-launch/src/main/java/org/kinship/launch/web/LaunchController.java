package org.kinship.launch.web;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.IssuerRegistry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The launch URL that a hospital's EHR opens. An unregistered {@code iss} is refused
 * here, before anything is fetched.
 */
@Controller
class LaunchController {

	private final IssuerRegistry issuers;

	LaunchController(IssuerRegistry issuers) {
		this.issuers = issuers;
	}

	@GetMapping("/launch")
	String launch(@RequestParam(required = false) @Nullable String iss,
			@RequestParam(required = false) @Nullable String launch, Model model, HttpServletResponse response) {
		var issuer = this.issuers.findByIss(iss);
		if (issuer.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "launch/unregistered";
		}
		model.addAttribute("issuer", issuer.get());
		model.addAttribute("ehrLaunch", launch != null && !launch.isBlank());
		return "launch/received";
	}

}
