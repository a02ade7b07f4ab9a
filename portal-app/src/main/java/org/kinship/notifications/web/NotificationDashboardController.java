package org.kinship.notifications.web;

import org.kinship.launch.KinshipPrincipal;
import org.kinship.notifications.NotificationDashboard;
import org.kinship.shared.web.OnRefusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The community managers' dashboard of notifications sent, failed and bounced. */
@Controller
class NotificationDashboardController {

	private final NotificationDashboard dashboard;

	NotificationDashboardController(NotificationDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/manage/notifications")
	@OnRefusal(status = HttpStatus.FORBIDDEN)
	String dashboard(KinshipPrincipal principal, Model model) {
		model.addAttribute("dashboard", this.dashboard.of(principal));
		return "notifications/dashboard";
	}

}
