package org.kinship.sessions.web;

import java.util.function.Supplier;

import org.kinship.launch.KinshipPrincipal;
import org.kinship.sessions.LiveSessions;
import org.kinship.sessions.SessionForm;
import org.kinship.shared.Refused;
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
 * Live sessions over HTTP: the staff's forms to schedule, start and end a session, and
 * the sessions list a group's page reloads when the group's controls change. Anyone but
 * the group's staff gets 403 for a change, and 404 for a group they have no seat in.
 */
@Controller
class SessionsController {

	private final LiveSessions sessions;

	SessionsController(LiveSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/sessions/groups/{groupId}")
	String list(KinshipPrincipal principal, @PathVariable long groupId, Model model) {
		model.addAttribute("liveSessions", this.sessions.view(principal, groupId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "sessions/sessions :: sessions";
	}

	@PostMapping("/sessions/groups/{groupId}")
	String schedule(KinshipPrincipal principal, @PathVariable long groupId, @ModelAttribute SessionForm form,
			RedirectAttributes redirect) {
		return back(redirect, principal, groupId, "sessions.scheduled",
				() -> this.sessions.schedule(principal, groupId, form));
	}

	@PostMapping("/sessions/groups/{groupId}/{sessionId}/start")
	String start(KinshipPrincipal principal, @PathVariable long groupId, @PathVariable long sessionId,
			RedirectAttributes redirect) {
		return back(redirect, principal, groupId, "sessions.started",
				() -> this.sessions.start(principal, groupId, sessionId));
	}

	@PostMapping("/sessions/groups/{groupId}/{sessionId}/end")
	String end(KinshipPrincipal principal, @PathVariable long groupId, @PathVariable long sessionId,
			@RequestParam String summary, RedirectAttributes redirect) {
		return back(redirect, principal, groupId, "sessions.ended",
				() -> this.sessions.end(principal, groupId, sessionId, summary));
	}

	/**
	 * Makes the change and goes back to the group's page with a notice, or with the
	 * reason it was refused; a person who is not the group's staff gets 403. The page is
	 * known by the group's slug, which the forms do not carry: it is asked for here,
	 * which is why this refusal is not left to {@code @OnRefusal}.
	 */
	private String back(RedirectAttributes redirect, KinshipPrincipal principal, long groupId, String notice,
			Supplier<String> change) {
		try {
			String slug = change.get();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/groups/" + slug + "#live-sessions";
		}
		catch (Refused refused) {
			if (refused.kind() != Refused.Kind.REFUSED) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", Problem.of(refused));
			return "redirect:/groups/" + this.sessions.slug(principal, groupId) + "#live-sessions";
		}
	}

}
