package org.kinship.launch.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.IssuerRegistry.RegisteredIssuer;
import org.kinship.launch.SmartLaunches;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The launch URL that a hospital's EHR opens, and the standalone way in: "choose your
 * health system". An unregistered {@code iss} is refused here, before anything is
 * fetched.
 */
@Controller
class LaunchController {

	private final IssuerRegistry issuers;

	private final SmartLaunches launches;

	private final HealthSystemChoices choices;

	LaunchController(IssuerRegistry issuers, SmartLaunches launches, HealthSystemChoices choices) {
		this.issuers = issuers;
		this.launches = launches;
		this.choices = choices;
	}

	@GetMapping("/launch")
	String launch(@RequestParam(required = false) @Nullable String iss,
			@RequestParam(required = false) @Nullable String launch, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var issuer = this.issuers.findByIss(iss);
		if (issuer.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "launch/unregistered";
		}
		return start(issuer.get(), launch, request, response, model);
	}

	@GetMapping("/launch/choose")
	String choose(Model model) {
		model.addAttribute("choices", this.choices.all());
		return "launch/choose";
	}

	@GetMapping("/launch/standalone")
	String standalone(@RequestParam String issuer, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		// an EHR that allows only launches from its portal is refused here, as its own
		// authorization server would refuse it
		var registered = this.issuers.findByKey(issuer).filter(RegisteredIssuer::offersStandalone);
		if (registered.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "launch/unregistered";
		}
		return start(registered.get(), null, request, response, model);
	}

	private String start(RegisteredIssuer issuer, @Nullable String launch, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return this.launches.begin(issuer, launch, request).map((target) -> "redirect:" + target).orElseGet(() -> {
			response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
			model.addAttribute("code", "ehr_unavailable");
			return "launch/problem";
		});
	}

}
