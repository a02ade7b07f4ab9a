package dev.kinship.sandbox.launcher;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.kinship.sandbox.SandboxProperties;
import dev.kinship.sandbox.auth.RevocableAuthorizations;
import dev.kinship.sandbox.people.Persona;
import dev.kinship.sandbox.people.PersonaDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The portal's launcher: pick a person and a launch type and go. {@code /personas} and
 * {@code /launch} serve scripts, and a scripted launch completes with plain redirects.
 */
@Controller
class LauncherController {

	private final PersonaDirectory personas;

	private final Launcher launcher;

	private final SandboxProperties properties;

	private final RevocableAuthorizations authorizations;

	LauncherController(PersonaDirectory personas, Launcher launcher, SandboxProperties properties,
			RevocableAuthorizations authorizations) {
		this.authorizations = authorizations;
		this.personas = personas;
		this.launcher = launcher;
		this.properties = properties;
	}

	@GetMapping("/")
	String launcherPage(Model model) {
		model.addAttribute("personas", this.personas.all());
		model.addAttribute("clients", this.launcher.launchableClients());
		model.addAttribute("defaultClient", this.properties.launcherClientId());
		return "sandbox/launcher";
	}

	@GetMapping(path = "/personas", produces = "application/json")
	@ResponseBody
	List<Persona> personas() {
		return this.personas.all();
	}

	@PostMapping("/personas/{persona}/revoke")
	@ResponseBody
	Map<String, Object> revoke(@PathVariable String persona) {
		return Map.of("persona", persona, "revoked", this.authorizations.revokeAll(persona));
	}

	@GetMapping("/launch")
	String launch(@RequestParam String persona, @RequestParam(defaultValue = "ehr") String mode,
			@RequestParam(required = false) @Nullable String client,
			@RequestParam(required = false) @Nullable String intent,
			@RequestParam(defaultValue = "false") boolean embedded, HttpServletRequest request,
			HttpServletResponse response) {
		Persona who = person(persona);
		LaunchMode launchMode = mode(mode);
		String clientId = (client != null) ? client : this.properties.launcherClientId();
		if (embedded) {
			return "redirect:" + this.launcher.portalPage(who, launchMode, clientId, intent);
		}
		return "redirect:" + this.launcher.launch(who, launchMode, clientId, intent, request, response);
	}

	/**
	 * The portal page that shows the app in a frame, served under the portal's host name,
	 * another site than the app's; the frame launches as {@code /launch} does.
	 */
	@GetMapping("/portal")
	String portal(@RequestParam String persona, @RequestParam(defaultValue = "ehr") String mode,
			@RequestParam(required = false) @Nullable String client,
			@RequestParam(required = false) @Nullable String intent, Model model) {
		Persona who = person(persona);
		String clientId = (client != null) ? client : this.properties.launcherClientId();
		model.addAttribute("persona", who);
		model.addAttribute("frameUrl", this.launcher.framedLaunch(who, mode(mode), clientId, intent));
		return "sandbox/portal";
	}

	private Persona person(String persona) {
		return this.personas.find(persona)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such persona: " + persona));
	}

	private static LaunchMode mode(String mode) {
		return LaunchMode.parse(mode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "mode must be ehr or standalone"));
	}

}
