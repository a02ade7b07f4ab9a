package org.kinship.referrals.web;

import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.RecordContext;
import org.kinship.referrals.EhrRecord;
import org.kinship.referrals.Referral;
import org.kinship.referrals.ReferralForm;
import org.kinship.referrals.Referrals;
import org.kinship.shared.web.OnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Referrals over HTTP: the clinician's referral page (the one page that shows the chart's
 * patient, with the banner), sending a referral, the patient's answer, and the
 * community's loop for its managers.
 */
@Controller
class ReferralsController {

	private final Referrals referrals;

	private final RecordContext records;

	ReferralsController(Referrals referrals, RecordContext records) {
		this.referrals = referrals;
		this.records = records;
	}

	@GetMapping("/referrals")
	String choices(KinshipPrincipal principal, Model model) {
		model.addAttribute("choices", this.referrals.choices(principal));
		model.addAttribute("sent", this.referrals.sentBy(principal));
		model.addAttribute("chartPatient", this.records.contextPatient(principal));
		// the layout shows the chart patient's banner on this page only
		model.addAttribute("chartPatientShown", true);
		return "referrals/choices";
	}

	@PostMapping("/referrals")
	@OnRefusal(redirectTo = "/referrals")
	String refer(KinshipPrincipal principal, @ModelAttribute ReferralForm form, RedirectAttributes redirect) {
		Referral referral = this.referrals.refer(principal, form);
		redirect.addFlashAttribute("sentReferral", referral);
		redirect.addFlashAttribute("notice", notice(referral.ehr()));
		return "redirect:/referrals";
	}

	private static String notice(EhrRecord ehr) {
		return switch (ehr) {
			case NOT_ASKED -> "referrals.sent";
			case WRITTEN -> "referrals.sent.ehr-written";
			case PENDING, RETRYING -> "referrals.sent.ehr-pending";
			case REFUSED, UNREACHABLE -> "referrals.sent.ehr-refused";
		};
	}

	@PostMapping("/referrals/{id}/accept")
	String accept(KinshipPrincipal principal, @PathVariable long id) {
		return "redirect:" + this.referrals.accept(principal, id);
	}

	@PostMapping("/referrals/{id}/decline")
	String decline(KinshipPrincipal principal, @PathVariable long id, RedirectAttributes redirect) {
		this.referrals.decline(principal, id);
		redirect.addFlashAttribute("notice", "referrals.declined");
		return "redirect:/";
	}

	@GetMapping("/manage/referrals")
	String loop(KinshipPrincipal principal, Model model) {
		model.addAttribute("loop", this.referrals.loop(principal));
		return "referrals/loop";
	}

}
