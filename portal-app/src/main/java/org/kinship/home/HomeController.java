package org.kinship.home;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.kinship.chat.Chat;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.Suggestions;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.RecordContext;
import org.kinship.programs.SignUps;
import org.kinship.referrals.Referrals;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final RecordContext records;

	private final Suggestions suggestions;

	private final GroupDirectory directory;

	private final Chat chat;

	/**
	 * How far ahead the home page reminds a member of the sessions they signed up for.
	 */
	private static final Duration COMING_UP = Duration.ofDays(7);

	private final Referrals referrals;

	private final SignUps signUps;

	HomeController(RecordContext records, Suggestions suggestions, GroupDirectory directory, Chat chat,
			Referrals referrals, SignUps signUps) {
		this.referrals = referrals;
		this.signUps = signUps;
		this.records = records;
		this.suggestions = suggestions;
		this.directory = directory;
		this.chat = chat;
	}

	@GetMapping("/")
	String home(@Nullable KinshipPrincipal principal, Model model) {
		if (principal != null) {
			model.addAttribute("record", this.records.contextPatient(principal));
			model.addAttribute("suggested", this.suggestions.suggest(principal));
			model.addAttribute("referralsWaiting", this.referrals.waitingFor(principal));
			model.addAttribute("comingUp", this.signUps.comingUp(principal, COMING_UP));
			var mine = this.directory.mine(principal);
			model.addAttribute("mine", mine);
			model.addAttribute("unread",
					this.chat.unread(principal, mine.stream().map((entry) -> entry.group().id()).toList()));
		}
		return "home";
	}

}
