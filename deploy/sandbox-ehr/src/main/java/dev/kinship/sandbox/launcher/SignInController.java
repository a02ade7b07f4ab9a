package dev.kinship.sandbox.launcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.kinship.sandbox.auth.PersonaSignIn;
import dev.kinship.sandbox.auth.SignInPaths;
import dev.kinship.sandbox.people.PersonaDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The portal's sign-in, reached when an app sends someone to authorize who has not signed
 * in (a standalone launch): pick a demo person, then carry on to the app.
 */
@Controller
class SignInController {

	private final PersonaDirectory personas;

	private final PersonaSignIn signIn;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	SignInController(PersonaDirectory personas, PersonaSignIn signIn) {
		this.personas = personas;
		this.signIn = signIn;
	}

	@GetMapping(SignInPaths.SIGN_IN)
	String signInPage(Model model) {
		model.addAttribute("personas", this.personas.all());
		return "sandbox/sign-in";
	}

	@PostMapping(SignInPaths.SIGN_IN)
	String signIn(@RequestParam String persona, HttpServletRequest request, HttpServletResponse response) {
		var who = this.personas.find(persona)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such persona: " + persona));
		SavedRequest saved = this.requestCache.getRequest(request, response);
		this.signIn.signIn(who, request, response);
		return "redirect:" + ((saved != null) ? saved.getRedirectUrl() : "/");
	}

}
