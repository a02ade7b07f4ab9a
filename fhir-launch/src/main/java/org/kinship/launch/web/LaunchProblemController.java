package org.kinship.launch.web;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a failed launch ends on: what happened in plain words, what to do, and a
 * reference number for the help desk. Unknown codes get the general message.
 */
@Controller
class LaunchProblemController {

	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private static final Map<String, Integer> STATUS = Map.ofEntries(Map.entry("access_denied", 403),
			Map.entry("authorization_request_not_found", 400), Map.entry("invalid_state_parameter", 400),
			Map.entry("invalid_request", 400), Map.entry("invalid_scope", 400), Map.entry("invalid_grant", 400),
			Map.entry("invalid_id_token", 401), Map.entry("invalid_nonce", 401), Map.entry("unknown_user", 403),
			Map.entry("missing_patient_context", 400), Map.entry("invalid_token_response", 502),
			Map.entry("ehr_unavailable", 502), Map.entry("server_error", 502),
			Map.entry("temporarily_unavailable", 503), Map.entry("session_expired", 401));

	@GetMapping("/launch/problem")
	String problem(@RequestParam(defaultValue = "launch_failed") String code,
			@RequestParam(required = false) @Nullable String ref, Model model, HttpServletResponse response) {
		String known = STATUS.containsKey(code) ? code : "launch_failed";
		response.setStatus(STATUS.getOrDefault(known, 400));
		model.addAttribute("code", known);
		model.addAttribute("reference", (ref != null && REFERENCE.matcher(ref).matches()) ? ref : null);
		return "launch/problem";
	}

}
