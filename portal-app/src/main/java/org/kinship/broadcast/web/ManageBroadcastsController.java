package org.kinship.broadcast.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.broadcast.Broadcast;
import org.kinship.broadcast.BroadcastForm;
import org.kinship.broadcast.BroadcastStatus;
import org.kinship.broadcast.Broadcasting;
import org.kinship.shared.Refused;
import org.kinship.launch.KinshipPrincipal;

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
 * The community managers' pages: their health system's broadcasts with tracking,
 * composing with a preview of the audience, sending now or at a time, approving another
 * manager's urgent broadcast. The form is saved before any other action, so that a
 * refusal loses nothing.
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
	String create(KinshipPrincipal principal, @ModelAttribute BroadcastForm form, @RequestParam String action,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(principal, null, form, action, model, response, redirect);
	}

	@GetMapping("/manage/broadcasts/{id}")
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
		return compose(principal, model, broadcast, BroadcastForm.of(broadcast));
	}

	@PostMapping("/manage/broadcasts/{id}")
	String update(KinshipPrincipal principal, @PathVariable long id, @ModelAttribute BroadcastForm form,
			@RequestParam String action, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		found(principal, id);
		return act(principal, id, form, action, model, response, redirect);
	}

	@PostMapping("/manage/broadcasts/{id}/approve")
	String approve(KinshipPrincipal principal, @PathVariable long id, RedirectAttributes redirect) {
		try {
			this.broadcasting.approve(principal, id);
			redirect.addFlashAttribute("notice", "broadcast.notice.sent");
		}
		catch (Refused refused) {
			redirect.addFlashAttribute("problem", Problem.of(refused));
		}
		return "redirect:/manage/broadcasts/" + id;
	}

	@PostMapping("/manage/broadcasts/{id}/write-back")
	String retryWriteBack(KinshipPrincipal principal, @PathVariable long id, RedirectAttributes redirect) {
		found(principal, id);
		this.broadcasting.retryWriteBack(principal, id);
		redirect.addFlashAttribute("notice", "broadcast.notice.write-back");
		return "redirect:/manage/broadcasts/" + id;
	}

	@GetMapping("/manage/broadcasts/{id}/pending")
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
		try {
			return this.broadcasting.find(principal, id);
		}
		catch (Refused refused) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
