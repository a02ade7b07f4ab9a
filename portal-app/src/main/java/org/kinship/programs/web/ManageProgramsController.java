package org.kinship.programs.web;

import java.time.DayOfWeek;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.programs.Program;
import org.kinship.programs.ProgramDirectory;
import org.kinship.programs.ProgramForm;
import org.kinship.programs.internal.ProgramRules;
import org.kinship.shared.Refused;
import org.kinship.shared.web.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The community managers' pages of the program directory: every program with those ending
 * soon, and the form to create or edit one. A refused form comes back with what was typed
 * and the reason.
 */
@Controller
class ManageProgramsController {

	private final ProgramDirectory directory;

	private final GroupDirectory groups;

	ManageProgramsController(ProgramDirectory directory, GroupDirectory groups) {
		this.directory = directory;
		this.groups = groups;
	}

	@GetMapping("/manage/programs")
	String list(KinshipPrincipal principal, Model model) {
		model.addAttribute("programs", this.directory.manageable(principal));
		model.addAttribute("endingSoon", this.directory.endingSoon(principal));
		model.addAttribute("today", this.directory.today());
		return "programs/manage";
	}

	@GetMapping("/manage/programs/new")
	String blank(KinshipPrincipal principal, Model model) {
		this.directory.manageable(principal);
		return form(principal, model, null, ProgramForm.blank());
	}

	@PostMapping("/manage/programs/new")
	String create(KinshipPrincipal principal, @ModelAttribute ProgramForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Program program = this.directory.create(principal, form);
			redirect.addFlashAttribute("notice", "programs.manage.created");
			return "redirect:/programs/" + program.id();
		}
		catch (Refused refused) {
			return refused(principal, response, model, null, form, refused);
		}
	}

	@GetMapping("/manage/programs/{id}")
	String edit(KinshipPrincipal principal, @PathVariable long id, Model model) {
		this.directory.manageable(principal);
		Program program = this.directory.find(principal, id)
			.orElseThrow(() -> Refused.notFound("programs.error.not-found"));
		return form(principal, model, program, ProgramForm.of(program));
	}

	@PostMapping("/manage/programs/{id}")
	String update(KinshipPrincipal principal, @PathVariable long id, @ModelAttribute ProgramForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.directory.update(principal, id, form);
			redirect.addFlashAttribute("notice", "programs.manage.saved");
			return "redirect:/programs/" + id;
		}
		catch (Refused refused) {
			if (refused.kind() != Refused.Kind.REFUSED) {
				throw refused;
			}
			return refused(principal, response, model, this.directory.find(principal, id).orElse(null), form, refused);
		}
	}

	private String form(KinshipPrincipal principal, Model model, @Nullable Program program, ProgramForm form) {
		model.addAttribute("program", program);
		model.addAttribute("form", form);
		model.addAttribute("conditionGroups", this.groups.listed(principal, ""));
		model.addAttribute("languages", ProgramRules.LANGUAGES);
		model.addAttribute("weekdays", List.of(DayOfWeek.values()));
		return "programs/form";
	}

	private String refused(KinshipPrincipal principal, HttpServletResponse response, Model model,
			@Nullable Program program, ProgramForm form, Refused refused) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", Problem.of(refused));
		return form(principal, model, program, form);
	}

}
