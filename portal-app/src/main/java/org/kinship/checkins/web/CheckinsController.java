package org.kinship.checkins.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.kinship.chat.CrisisLines;
import org.kinship.checkins.CheckinRecords;
import org.kinship.checkins.Checkins;
import org.kinship.checkins.Checkins.MemberForm;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.Refused;
import org.kinship.shared.web.OnRefusal;
import org.kinship.shared.web.Problem;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Check-in pages: the form a member answers (shown again with what they chose and the
 * reason when something is missing or out of range), the answer with its score (and the
 * crisis resources first when it shows risk), and the staff's choice of a group's
 * check-ins.
 */
@Controller
class CheckinsController {

	private final Checkins checkins;

	private final CheckinRecords records;

	private final CrisisLines crisisLines;

	CheckinsController(Checkins checkins, CheckinRecords records, CrisisLines crisisLines) {
		this.checkins = checkins;
		this.records = records;
		this.crisisLines = crisisLines;
	}

	@GetMapping("/checkins/groups/{groupId}/{questionnaire}")
	String form(KinshipPrincipal principal, @PathVariable long groupId, @PathVariable String questionnaire,
			Locale locale, Model model) {
		return formPage(model, this.checkins.form(principal, groupId, questionnaire, locale),
				UUID.randomUUID().toString(), Map.of());
	}

	@PostMapping("/checkins/groups/{groupId}/{questionnaire}")
	String answer(KinshipPrincipal principal, @PathVariable long groupId, @PathVariable String questionnaire,
			@RequestParam Map<String, String> typed, Locale locale, Model model, HttpServletResponse response) {
		String submission = typed.getOrDefault("submission", "");
		try {
			long id = this.checkins.answer(principal, groupId, questionnaire, submission, typed);
			return "redirect:/checkins/answers/" + id;
		}
		catch (Refused refused) {
			if (refused.kind() != Refused.Kind.REFUSED) {
				throw refused;
			}
			response.setStatus(422);
			model.addAttribute("problem", Problem.of(refused));
			return formPage(model, this.checkins.form(principal, groupId, questionnaire, locale), submission, typed);
		}
	}

	@GetMapping("/checkins/answers/{answerId}")
	String answer(KinshipPrincipal principal, @PathVariable long answerId, Locale locale, Model model) {
		Checkins.AnswerView answer = this.checkins.answerOf(principal, answerId, locale);
		model.addAttribute("answer", answer);
		if (answer.score().showsCrisisResources()) {
			model.addAttribute("crisisResources", this.crisisLines.of(principal.issuerKey(), locale));
		}
		return "checkins/answer";
	}

	@PostMapping("/checkins/answers/{answerId}/record")
	@OnRefusal(redirectTo = "/checkins/answers/{answerId}")
	String record(KinshipPrincipal principal, @PathVariable long answerId, RedirectAttributes redirect) {
		this.records.send(principal, answerId);
		redirect.addFlashAttribute("notice", "checkins.record.sent");
		return "redirect:/checkins/answers/" + answerId;
	}

	@PostMapping("/checkins/groups/{groupId}/plan")
	@OnRefusal(redirectTo = "/groups")
	String choose(KinshipPrincipal principal, @PathVariable long groupId,
			@RequestParam(name = "chosen", required = false) List<String> chosen,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<String, Integer> plan = new LinkedHashMap<>();
		for (String questionnaire : (chosen != null) ? chosen : List.<String>of()) {
			plan.put(questionnaire, days(params.get("every-" + questionnaire)));
		}
		String slug = this.checkins.choose(principal, groupId, plan);
		redirect.addFlashAttribute("notice", "checkins.plan.saved");
		return "redirect:/groups/" + slug + "#checkins";
	}

	private int days(String typed) {
		try {
			return (typed == null || typed.isBlank()) ? this.checkins.defaultEveryDays()
					: Integer.parseInt(typed.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String formPage(Model model, MemberForm form, String submission, Map<String, String> typed) {
		model.addAttribute("checkin", form);
		model.addAttribute("submission", submission);
		model.addAttribute("typed", typed);
		return "checkins/form";
	}

}
