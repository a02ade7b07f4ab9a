package org.kinship.programs.web;

import java.time.DayOfWeek;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.programs.ProgramDirectory;
import org.kinship.programs.ProgramSearch;
import org.kinship.programs.SignUpStatus;
import org.kinship.programs.SignUps;
import org.kinship.programs.internal.ProgramRules;
import org.kinship.shared.Refused;
import org.kinship.shared.web.OnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The program directory for members: search, a program's page with its sessions, signing
 * up and giving a place back, and the staff's attendance sheet.
 */
@Controller
class ProgramsController {

	private final ProgramDirectory directory;

	private final SignUps signUps;

	private final GroupDirectory groups;

	ProgramsController(ProgramDirectory directory, SignUps signUps, GroupDirectory groups) {
		this.directory = directory;
		this.signUps = signUps;
		this.groups = groups;
	}

	@GetMapping("/programs")
	String directory(KinshipPrincipal principal, @RequestParam(required = false) @Nullable Long group,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String postalCode,
			@RequestParam(required = false) @Nullable Integer miles,
			@RequestParam(required = false) @Nullable DayOfWeek day, Model model) {
		ProgramSearch search = new ProgramSearch(group, language, postalCode, miles, day);
		model.addAttribute("search", search);
		model.addAttribute("found", this.directory.search(principal, search));
		model.addAttribute("conditionGroups", this.groups.listed(principal, ""));
		model.addAttribute("languages", ProgramRules.LANGUAGES);
		model.addAttribute("weekdays", List.of(DayOfWeek.values()));
		model.addAttribute("mySignUps", this.signUps.mine(principal));
		return "programs/directory";
	}

	@GetMapping("/programs/{id}")
	String program(KinshipPrincipal principal, @PathVariable long id, Model model) {
		model.addAttribute("page",
				this.signUps.page(principal, id).orElseThrow(() -> Refused.notFound("programs.error.not-found")));
		return "programs/program";
	}

	@PostMapping("/programs/{id}/sessions/{sessionId}/sign-up")
	@OnRefusal(redirectTo = "/programs/{id}")
	String signUp(KinshipPrincipal principal, @PathVariable long id, @PathVariable long sessionId,
			RedirectAttributes redirect) {
		SignUpStatus status = this.signUps.signUp(principal, id, sessionId);
		redirect.addFlashAttribute("notice", "programs.signed-up." + status);
		return "redirect:/programs/" + id + "#session-" + sessionId;
	}

	@PostMapping("/programs/{id}/sessions/{sessionId}/cancel")
	@OnRefusal(redirectTo = "/programs/{id}")
	String cancel(KinshipPrincipal principal, @PathVariable long id, @PathVariable long sessionId,
			RedirectAttributes redirect) {
		this.signUps.cancel(principal, id, sessionId);
		redirect.addFlashAttribute("notice", "programs.cancelled");
		return "redirect:/programs/" + id;
	}

	@GetMapping("/programs/{id}/sessions/{sessionId}/attendance")
	String sheet(KinshipPrincipal principal, @PathVariable long id, @PathVariable long sessionId, Model model) {
		model.addAttribute("sheet", this.signUps.sheet(principal, id, sessionId));
		return "programs/attendance";
	}

	@PostMapping("/programs/{id}/sessions/{sessionId}/attendance")
	@OnRefusal(redirectTo = "/programs/{id}/sessions/{sessionId}/attendance")
	String attendance(KinshipPrincipal principal, @PathVariable long id, @PathVariable long sessionId,
			@RequestParam(required = false) @Nullable List<String> present, RedirectAttributes redirect) {
		this.signUps.takeAttendance(principal, id, sessionId, (present != null) ? present : List.of());
		redirect.addFlashAttribute("notice", "programs.attendance.saved");
		return "redirect:/programs/" + id + "/sessions/" + sessionId + "/attendance";
	}

}
