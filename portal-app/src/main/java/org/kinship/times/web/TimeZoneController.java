package org.kinship.times.web;

import java.time.ZoneId;
import java.util.List;

import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.web.OnRefusal;
import org.kinship.times.MemberTimes;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's time zone: the settings page to change it, and the browser's zone sent
 * once by {@code static/js/times.js} for someone whose zone is not stored yet.
 */
@Controller
class TimeZoneController {

	private static final String PAGE = "/settings/time-zone";

	/** Every region zone Java knows, by name: what the page offers. */
	private static final List<String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter((id) -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final MemberTimes times;

	TimeZoneController(MemberTimes times) {
		this.times = times;
	}

	@GetMapping(PAGE)
	String page(KinshipPrincipal principal, Model model) {
		model.addAttribute("zone", this.times.zone(principal).getId());
		model.addAttribute("zones", ZONES);
		return "times/time-zone";
	}

	@PostMapping(PAGE)
	@OnRefusal(redirectTo = PAGE)
	String choose(KinshipPrincipal principal, @RequestParam(defaultValue = "") String zone,
			RedirectAttributes redirect) {
		this.times.choose(principal, zone);
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/browser")
	ResponseEntity<Void> fromBrowser(KinshipPrincipal principal, @RequestParam(defaultValue = "") String zone) {
		return this.times.fromBrowser(principal, zone) ? ResponseEntity.noContent().build()
				: ResponseEntity.status(409).build();
	}

}
