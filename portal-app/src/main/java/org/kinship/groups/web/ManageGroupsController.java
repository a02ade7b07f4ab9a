package org.kinship.groups.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.groups.Group;
import org.kinship.groups.GroupAdministration;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupForm;
import org.kinship.launch.CommunityRight;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import org.kinship.shared.web.OnRefusal;
import org.kinship.shared.web.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for community managers and facilitators: the groups they manage, creating and
 * editing a group with its code set and a preview of how many members it reaches, and its
 * facilitators.
 */
@Controller
class ManageGroupsController {

	private final GroupAdministration administration;

	private final GroupDirectory directory;

	ManageGroupsController(GroupAdministration administration, GroupDirectory directory) {
		this.administration = administration;
		this.directory = directory;
	}

	@GetMapping("/manage/groups")
	String list(KinshipPrincipal principal, Model model) {
		model.addAttribute("groups", this.administration.manageable(principal));
		return "groups/manage";
	}

	@GetMapping("/manage/groups/new")
	String blank(KinshipPrincipal principal, Model model) {
		requireManager(principal);
		return form(model, null, GroupForm.blank());
	}

	@PostMapping("/manage/groups/new")
	String create(KinshipPrincipal principal, @ModelAttribute GroupForm form, @RequestParam String action, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireManager(principal);
		try {
			if ("preview".equals(action)) {
				model.addAttribute("preview",
						this.administration.preview(principal, form.snomedCodes(), form.icd10Codes(), form.audience()));
				return form(model, null, form);
			}
			Group group = this.administration.create(principal, form);
			redirect.addFlashAttribute("notice", "groups.manage.created");
			return "redirect:/manage/groups/" + group.slug();
		}
		catch (Refused refused) {
			return refused(response, model, null, form, refused);
		}
	}

	@GetMapping("/manage/groups/{slug}")
	String edit(KinshipPrincipal principal, @PathVariable String slug, Model model) {
		Group group = staffGroup(principal, slug);
		return form(model, group, this.administration.form(group));
	}

	@PostMapping("/manage/groups/{slug}")
	String update(KinshipPrincipal principal, @PathVariable String slug, @ModelAttribute GroupForm form,
			@RequestParam String action, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Group group = staffGroup(principal, slug);
		try {
			if ("preview".equals(action)) {
				model.addAttribute("preview",
						this.administration.preview(principal, form.snomedCodes(), form.icd10Codes(), form.audience()));
				return form(model, group, form);
			}
			this.administration.update(principal, slug, form);
			redirect.addFlashAttribute("notice", "groups.manage.saved");
			return "redirect:/manage/groups/" + slug;
		}
		catch (Refused refused) {
			return refused(response, model, group, form, refused);
		}
	}

	@PostMapping(path = "/manage/groups/guidelines/preview", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String previewGuidelines(KinshipPrincipal principal, @RequestParam String guidelines) {
		return this.administration.renderGuidelines(principal, guidelines);
	}

	@PostMapping("/manage/groups/{slug}/facilitators")
	@OnRefusal(redirectTo = "/manage/groups/{slug}")
	String facilitator(KinshipPrincipal principal, @PathVariable String slug, @RequestParam String fhirUser,
			@RequestParam boolean assign, RedirectAttributes redirect) {
		this.administration.facilitator(principal, slug, fhirUser, assign);
		redirect.addFlashAttribute("notice", "groups.manage.saved");
		return "redirect:/manage/groups/" + slug;
	}

	@PostMapping("/manage/groups/{slug}/cohosts")
	@OnRefusal(redirectTo = "/manage/groups/{slug}")
	String cohost(KinshipPrincipal principal, @PathVariable String slug, @RequestParam String name,
			@RequestParam(defaultValue = "") String url, RedirectAttributes redirect) {
		this.administration.addCohost(principal, slug, name, url);
		redirect.addFlashAttribute("notice", "groups.manage.saved");
		return "redirect:/manage/groups/" + slug;
	}

	@PostMapping("/manage/groups/{slug}/cohosts/{cohostId}/remove")
	@OnRefusal(redirectTo = "/manage/groups/{slug}")
	String removeCohost(KinshipPrincipal principal, @PathVariable String slug, @PathVariable long cohostId,
			RedirectAttributes redirect) {
		this.administration.removeCohost(principal, slug, cohostId);
		redirect.addFlashAttribute("notice", "groups.manage.saved");
		return "redirect:/manage/groups/" + slug;
	}

	@PostMapping("/manage/groups/{slug}/cohosts/{cohostId}/facilitators")
	@OnRefusal(redirectTo = "/manage/groups/{slug}")
	String cohostFacilitator(KinshipPrincipal principal, @PathVariable String slug, @PathVariable long cohostId,
			@RequestParam String fhirUser, @RequestParam boolean from, RedirectAttributes redirect) {
		this.administration.cohostFacilitator(principal, slug, cohostId, fhirUser, from);
		redirect.addFlashAttribute("notice", "groups.manage.saved");
		return "redirect:/manage/groups/" + slug;
	}

	@PostMapping("/manage/groups/{slug}/cohosts/{cohostId}/named-facilitators")
	@OnRefusal(redirectTo = "/manage/groups/{slug}")
	String nameCohostFacilitator(KinshipPrincipal principal, @PathVariable String slug, @PathVariable long cohostId,
			@RequestParam String fhirUser, @RequestParam String name, RedirectAttributes redirect) {
		this.administration.nameCohostFacilitator(principal, slug, cohostId, fhirUser, name);
		redirect.addFlashAttribute("notice", "groups.manage.saved");
		return "redirect:/manage/groups/" + slug;
	}

	private String form(Model model, @Nullable Group group, GroupForm form) {
		// a group not created yet has no co-hosts
		model.addAttribute("cohosts", (group != null) ? this.administration.cohosts(group) : List.of());
		model.addAttribute("group", group);
		model.addAttribute("form", form);
		return "groups/form";
	}

	private String refused(HttpServletResponse response, Model model, @Nullable Group group, GroupForm form,
			Refused refused) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", Problem.of(refused));
		return form(model, group, form);
	}

	private Group staffGroup(KinshipPrincipal principal, String slug) {
		return this.directory.page(principal, slug)
			.filter(GroupDirectory.GroupPage::staff)
			.map(GroupDirectory.GroupPage::group)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}

	@ModelAttribute("candidates")
	java.util.List<String> candidates(KinshipPrincipal principal) {
		return principal.has(CommunityRight.COMMUNITY_MANAGER) ? this.administration.facilitatorCandidates(principal)
				: java.util.List.of();
	}

	private static void requireManager(KinshipPrincipal principal) {
		if (!principal.has(CommunityRight.COMMUNITY_MANAGER)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

}
