package org.kinship.groups.web;

import org.kinship.groups.Memberships;
import org.kinship.groups.Memberships.MyData;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.shared.web.Problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's own data: download it as JSON, or delete it.
 */
@Controller
class MyDataController {

	private final Memberships memberships;

	MyDataController(Memberships memberships) {
		this.memberships = memberships;
	}

	@GetMapping("/me")
	String page() {
		return "groups/my-data";
	}

	@GetMapping(path = "/me/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MyData> download(KinshipPrincipal principal) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kinship-my-data.json\"")
			.body(this.memberships.myData(principal));
	}

	@PostMapping("/me/delete")
	String delete(KinshipPrincipal principal, @RequestParam(defaultValue = "false") boolean confirm,
			RedirectAttributes redirect) {
		if (!confirm) {
			redirect.addFlashAttribute("problem", new Problem("me.delete.confirm-needed", new Object[0]));
			return "redirect:/me";
		}
		int removed = this.memberships.deleteMyContent(principal);
		redirect.addFlashAttribute("deleted", removed);
		return "redirect:/me";
	}

}
