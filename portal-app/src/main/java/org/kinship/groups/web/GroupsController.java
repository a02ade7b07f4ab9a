package org.kinship.groups.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.GroupPage;
import org.kinship.groups.GroupPageSection;
import org.kinship.groups.JoinForm;
import org.kinship.groups.Memberships;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import org.kinship.shared.web.OnRefusal;
import org.kinship.shared.web.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The group directory, a group's page, joining, leaving and answering requests to join.
 */
@Controller
class GroupsController {

	private final GroupDirectory directory;

	private final Memberships memberships;

	private final List<GroupPageSection> sections;

	GroupsController(GroupDirectory directory, Memberships memberships, List<GroupPageSection> sections) {
		this.directory = directory;
		this.memberships = memberships;
		this.sections = sections;
	}

	@GetMapping("/groups")
	String directory(KinshipPrincipal principal, @RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("query", q);
		model.addAttribute("groups", this.directory.listed(principal, q));
		model.addAttribute("mine", this.directory.mine(principal));
		return "groups/directory";
	}

	@GetMapping("/groups/{slug}")
	String group(KinshipPrincipal principal, @PathVariable String slug, Model model) {
		GroupPage page = page(principal, slug);
		model.addAttribute("page", page);
		// the group's own facilitator is known here by that duty, not by their profession
		model.addAttribute("roleHere", page.group().facilitatedBy(principal.fhirUser()) ? "role.FACILITATOR" : null);
		this.sections.forEach((section) -> model.addAttribute(section.name(), section.contents(principal, page)));
		return "groups/group";
	}

	@GetMapping("/groups/{slug}/members")
	String members(KinshipPrincipal principal, @PathVariable String slug, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		GroupPage group = page(principal, slug);
		model.addAttribute("page", group);
		model.addAttribute("list", this.directory.members(group, q, page));
		return "groups/members";
	}

	@GetMapping("/groups/{slug}/join")
	String joinForm(KinshipPrincipal principal, @PathVariable String slug, Model model) {
		model.addAttribute("page", page(principal, slug));
		model.addAttribute("form", JoinForm.blank());
		return "groups/join";
	}

	@PostMapping("/groups/{slug}/join")
	String join(KinshipPrincipal principal, @PathVariable String slug, @ModelAttribute JoinForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			var membership = this.memberships.join(principal, slug, form);
			redirect.addFlashAttribute("notice", "groups.joined." + membership.status());
			return "redirect:/groups/" + slug;
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("page", page(principal, slug));
			model.addAttribute("form", form);
			model.addAttribute("problem", Problem.of(refused));
			return "groups/join";
		}
	}

	@PostMapping("/groups/{slug}/leave")
	String leave(KinshipPrincipal principal, @PathVariable String slug, RedirectAttributes redirect) {
		this.memberships.leave(principal, slug);
		redirect.addFlashAttribute("notice", "groups.left");
		return "redirect:/groups";
	}

	@PostMapping("/groups/{slug}/requests")
	@OnRefusal(redirectTo = "/groups/{slug}")
	String answer(KinshipPrincipal principal, @PathVariable String slug, @RequestParam String fhirUser,
			@RequestParam boolean approve, RedirectAttributes redirect) {
		this.memberships.answer(principal, slug, fhirUser, approve);
		redirect.addFlashAttribute("notice", approve ? "groups.request.approved" : "groups.request.declined");
		return "redirect:/groups/" + slug;
	}

	private GroupPage page(KinshipPrincipal principal, String slug) {
		return this.directory.page(principal, slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
