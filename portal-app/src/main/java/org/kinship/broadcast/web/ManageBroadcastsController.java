package org.kinship.broadcast.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.broadcast.Broadcast;
import org.kinship.broadcast.BroadcastForm;
import org.kinship.broadcast.BroadcastStatus;
import org.kinship.broadcast.Broadcasting;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The community managers' pages: their health system's broadcasts with tracking,
 * composing with a preview of the audience, sending now or at a time, approving another
 * manager's urgent broadcast. The form is saved before any other action, so that a
 * refusal loses nothing: it is shown on the form, with what was typed. A broadcast the
 * manager cannot see is not found.
 */
@Controller
class ManageBroadcastsController {

	private final Broadcasting broadcasting;

	ManageBroadcastsController(Broadcasting broadcasting) {
		this.broadcasting = broadcasting;
	}

	@GetMapping("/manage/broadcasts")
	String list(KinshipPrincipal principal, Model model) {
		model.addAttribute("broadcasts", this.broadcasting.list(principal));
		return "broadcast/list";
	}

	@GetMapping("/manage/broadcasts/new")
	String blank(KinshipPrincipal principal, Model model) {
		return compose(principal, model, null, BroadcastForm.blank());
	}

	@PostMapping("/manage/broadcasts/new")
	@OnRefusal(status = HttpStatus.NOT_FOUND)
	String create(KinshipPrincipal principal, @ModelAttribute BroadcastForm form, @RequestParam String action,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(principal, null, form, action, model, response, redirect);
	}

	@GetMapping("/manage/broadcasts/{id}")
	@OnRefusal(status = HttpStatus.NOT_FOUND)
	String show(KinshipPrincipal principal, @PathVariable long id, Model model) {
		Broadcast broadcast = found(principal, id);
		if (broadcast.status() == BroadcastStatus.SENT) {
			model.addAttribute("tracking", this.broadcasting.tracking(principal, id));
			return "broadcast/tracking";
		}
		if (broadcast.lastError() != null) {
			model.addAttribute("problem", new Problem(broadcast.lastError(), (broadcast.lastErrorArgument() != null)
					? new Object[] { broadcast.lastErrorArgument() } : new Object[0]));
		}
		return compose(principal, model, broadcast, BroadcastForm.of(broadcast, this.broadcasting.zone(principal)));
	}

	@PostMapping("/manage/broadcasts/{id}")
	@OnRefusal(status = HttpStatus.NOT_FOUND)
	String update(KinshipPrincipal principal, @PathVariable long id, @ModelAttribute BroadcastForm form,
			@RequestParam String action, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		found(principal, id);
		return act(principal, id, form, action, model, response, redirect);
	}

	@PostMapping("/manage/broadcasts/{id}/approve")
	@OnRefusal(redirectTo = "/manage/broadcasts/{id}")
	String approve(KinshipPrincipal principal, @PathVariable long id, RedirectAttributes redirect) {
		this.broadcasting.approve(principal, id);
		redirect.addFlashAttribute("notice", "broadcast.notice.sent");
		return "redirect:/manage/broadcasts/" + id;
	}

	@PostMapping("/manage/broadcasts/{id}/write-back")
	@OnRefusal(status = HttpStatus.NOT_FOUND)
	String retryWriteBack(KinshipPrincipal principal, @PathVariable long id, RedirectAttributes redirect) {
		found(principal, id);
		this.broadcasting.retryWriteBack(principal, id);
		redirect.addFlashAttribute("notice", "broadcast.notice.write-back");
		return "redirect:/manage/broadcasts/" + id;
	}

	@GetMapping("/manage/broadcasts/{id}/pending")
	@OnRefusal(status = HttpStatus.NOT_FOUND)
	String pending(KinshipPrincipal principal, @PathVariable long id, Model model) {
		model.addAttribute("broadcast", found(principal, id));
		model.addAttribute("pending",
				this.broadcasting.recipients(principal, id)
					.stream()
					.filter((recipient) -> recipient.acknowledgedAt() == null)
					.toList());
		return "broadcast/pending";
	}

	private String act(KinshipPrincipal principal, @Nullable Long id, BroadcastForm form, String action, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		long saved;
		try {
			saved = this.broadcasting.save(principal, id, form);
		}
		catch (Refused refused) {
			return refused(principal, model, response, (id != null) ? found(principal, id) : null, form, refused);
		}
		try {
			switch (action) {
				case "preview" -> {
					model.addAttribute("audienceSize", this.broadcasting.preview(principal, saved));
					return compose(principal, model, found(principal, saved), form);
				}
				case "send" -> {
					Broadcast sent = this.broadcasting.send(principal, saved);
					redirect.addFlashAttribute("notice", (sent.status() == BroadcastStatus.AWAITING_APPROVAL)
							? "broadcast.notice.awaiting" : "broadcast.notice.sent");
				}
				case "schedule" -> {
					this.broadcasting.schedule(principal, saved);
					redirect.addFlashAttribute("notice", "broadcast.notice.scheduled");
				}
				default -> redirect.addFlashAttribute("notice", "broadcast.notice.saved");
			}
			return "redirect:/manage/broadcasts/" + saved;
		}
		catch (Refused refused) {
			return refused(principal, model, response, found(principal, saved), form, refused);
		}
	}

	private String refused(KinshipPrincipal principal, Model model, HttpServletResponse response,
			@Nullable Broadcast broadcast, BroadcastForm form, Refused refused) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", Problem.of(refused));
		return compose(principal, model, broadcast, form);
	}

	private String compose(KinshipPrincipal principal, Model model, @Nullable Broadcast broadcast, BroadcastForm form) {
		model.addAttribute("groups", this.broadcasting.groupChoices(principal));
		model.addAttribute("broadcast", broadcast);
		model.addAttribute("form", form);
		return "broadcast/compose";
	}

	private Broadcast found(KinshipPrincipal principal, long id) {
		return this.broadcasting.find(principal, id);
	}

}
