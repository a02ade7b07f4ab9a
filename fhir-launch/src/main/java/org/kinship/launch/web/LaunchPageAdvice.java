package org.kinship.launch.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.CorrelationId;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.launch.RelaunchRequiredException;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page knows of the launch: the principal (name, role, patient banner) and the
 * portal's style; and the relaunch page when the session can no longer reach the EHR.
 */
@ControllerAdvice
class LaunchPageAdvice {

	@ModelAttribute("kinship")
	@Nullable KinshipPrincipal principal() {
		return CurrentPrincipal.get().orElse(null);
	}

	@ModelAttribute("portalStyle")
	Map<String, String> portalStyle() {
		return CurrentPrincipal.get().map(KinshipPrincipal::style).orElse(Map.of());
	}

	@ExceptionHandler(RelaunchRequiredException.class)
	String relaunch(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		model.addAttribute("code", "relaunch");
		model.addAttribute("reference", CorrelationId.current());
		return "launch/problem";
	}

}
