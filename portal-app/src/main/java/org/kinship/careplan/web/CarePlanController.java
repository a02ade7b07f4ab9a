package org.kinship.careplan.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.kinship.careplan.CarePlanPanel;
import org.kinship.careplan.CarePlanPanels;
import org.kinship.careplan.CarePlanSharing;
import org.kinship.careplan.CarePlans;
import org.kinship.careplan.ShareCard;
import org.kinship.careplan.ShareItem;
import org.kinship.chat.Chat;
import org.kinship.chat.SendCommand;
import org.kinship.groups.GroupDirectory;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import org.kinship.shared.web.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The care-plan panel itself, loaded after the group's page by its script (or on a page
 * of its own without a script), and its actions: refresh, read more of a part, and the
 * preview in which a member edits what they share from their plan.
 */
@Controller
class CarePlanController {

	private final CarePlans plans;

	private final CarePlanPanels panels;

	private final CarePlanSharing sharing;

	private final Chat chat;

	private final GroupDirectory directory;

	CarePlanController(CarePlans plans, CarePlanPanels panels, CarePlanSharing sharing, Chat chat,
			GroupDirectory directory) {
		this.plans = plans;
		this.panels = panels;
		this.sharing = sharing;
		this.chat = chat;
		this.directory = directory;
	}

	/**
	 * The panel alone, as the group page's script puts it in its place: read live unless
	 * the session holds a fresh record, waiting at most
	 * {@code kinship.careplan.panel-timeout}.
	 */
	@GetMapping("/groups/{slug}/care-plan/panel")
	String panel(KinshipPrincipal principal, @PathVariable String slug, Model model) {
		model.addAttribute("panel", panelOf(principal, slug));
		return "careplan/panel :: contents";
	}

	/** The panel on a page of its own, for a browser that runs no script. */
	@GetMapping("/groups/{slug}/care-plan")
	String page(KinshipPrincipal principal, @PathVariable String slug, Model model) {
		model.addAttribute("panel", panelOf(principal, slug));
		return "careplan/page";
	}

	private CarePlanPanel panelOf(KinshipPrincipal principal, String slug) {
		return this.panels.read(principal, slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@PostMapping("/groups/{slug}/care-plan/refresh")
	String refresh(@PathVariable String slug) {
		this.plans.forget();
		return "redirect:/groups/{slug}#care-plan";
	}

	@GetMapping("/groups/{slug}/care-plan/more/{part}")
	String more(KinshipPrincipal principal, @PathVariable String slug, @PathVariable String part,
			RedirectAttributes redirect) {
		if (!this.plans.more(principal, part)) {
			redirect.addFlashAttribute("carePlanProblem", "careplan.more.unavailable");
		}
		return "redirect:/groups/{slug}#careplan-" + part.replaceAll("[^a-z-]", "");
	}

	@GetMapping("/groups/{slug}/care-plan/share")
	String preview(KinshipPrincipal principal, @PathVariable String slug, @RequestParam ShareItem.Kind kind,
			@RequestParam String key, Locale locale, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("card", this.sharing.draft(principal, slug, new ShareItem(kind, key), locale));
		}
		catch (Refused refused) {
			// the share page itself says why, instead of the error page
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("problem", Problem.of(refused));
		}
		model.addAttribute("slug", slug);
		// the card's own id: sending the form twice posts it once
		model.addAttribute("clientId", UUID.randomUUID().toString());
		return "careplan/share";
	}

	@PostMapping("/groups/{slug}/care-plan/share")
	String share(KinshipPrincipal principal, @PathVariable String slug, @RequestParam ShareItem.Kind kind,
			@RequestParam String key, @RequestParam String text, @RequestParam String clientId, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ShareItem item = new ShareItem(kind, key);
		try {
			ShareCard card = this.sharing.confirm(principal, slug, item, text);
			long groupId = this.directory.seat(principal, slug)
				.orElseThrow(() -> new Refused("careplan.share.error.not-member"))
				.groupId();
			boolean held = this.chat.send(principal, groupId, new SendCommand(clientId, card.text(), null)).held();
			redirect.addFlashAttribute("notice", held ? "moderation.held" : "careplan.share.posted");
			return "redirect:/groups/{slug}";
		}
		catch (Refused refused) {
			// the form again, with the member's edited text
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", Problem.of(refused));
			model.addAttribute("edited", new EditedText(item, text));
			model.addAttribute("clientId", clientId);
		}
		model.addAttribute("slug", slug);
		return "careplan/share";
	}

	/**
	 * What the member typed, kept when it is refused.
	 *
	 * @param item the goal or activity
	 * @param text the text
	 */
	record EditedText(ShareItem item, String text) {
	}

}
