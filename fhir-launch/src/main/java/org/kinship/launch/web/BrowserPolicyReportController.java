package org.kinship.launch.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kinship.launch.BrowserPolicyViolations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where browsers report what Kinship's {@code Content-Security-Policy} blocked, in the
 * {@code report-uri} form ({@code application/csp-report}) or the Reporting API's
 * ({@code application/reports+json}). Open to anyone without a session or CSRF token, as
 * browsers send reports; a body larger than {@value #MAX_BYTES} bytes is refused unread.
 */
@RestController
class BrowserPolicyReportController {

	static final int MAX_BYTES = 16 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BrowserPolicyViolations violations;

	BrowserPolicyReportController(BrowserPolicyViolations violations) {
		this.violations = violations;
	}

	@PostMapping("/csp-reports")
	ResponseEntity<Void> report(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BYTES + 1);
		}
		if (body.length > MAX_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		try {
			JsonNode reports = JSON.readTree(body);
			if (reports.isArray()) {
				reports.forEach((report) -> record(report.path("body"), "effectiveDirective", "blockedURL"));
			}
			else {
				record(reports.path("csp-report"), "effective-directive", "blocked-uri");
			}
		}
		catch (JacksonException ex) {
			return ResponseEntity.badRequest().build();
		}
		return ResponseEntity.noContent().build();
	}

	private void record(JsonNode report, String directiveField, String blockedField) {
		if (report.isObject()) {
			String directive = report.path(directiveField).asString(null);
			if (directive == null) {
				directive = report.path("violated-directive").asString(null);
			}
			this.violations.record(directive, report.path(blockedField).asString(null));
		}
	}

}
