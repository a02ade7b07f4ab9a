package org.kinship.broadcast.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.broadcast.Broadcasting;
import org.kinship.broadcast.RecipientProgress;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Every recipient of a broadcast with the times they received, opened and acknowledged
 * it, as CSV, for the managers who sent it only.
 */
@Controller
class RecipientsExport {

	private final Broadcasting broadcasting;

	RecipientsExport(Broadcasting broadcasting) {
		this.broadcasting = broadcasting;
	}

	@GetMapping("/manage/broadcasts/{id}/recipients.csv")
	void export(KinshipPrincipal principal, @PathVariable long id, HttpServletResponse response) throws IOException {
		var recipients = this.broadcasting.recipients(principal, id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"broadcast-" + id + "-recipients.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Writer out = response.getWriter();
		out.write("recipient,delivered_at,seen_at,acknowledged_at\r\n");
		for (RecipientProgress recipient : recipients) {
			out.write(cell(recipient.fhirUser()) + "," + time(recipient.deliveredAt()) + "," + time(recipient.seenAt())
					+ "," + time(recipient.acknowledgedAt()) + "\r\n");
		}
		out.flush();
	}

	private static String time(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	/** Quotes a cell, and keeps a spreadsheet from reading it as a formula. */
	static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
