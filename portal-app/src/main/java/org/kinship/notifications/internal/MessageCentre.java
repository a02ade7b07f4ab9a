package org.kinship.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.kinship.launch.BackendFhirClients;
import org.kinship.launch.EhrIdentifiers;
import org.kinship.launch.EhrWrites;
import org.kinship.notifications.internal.PortalNoticeStore.PortalNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The portal's message centre: where {@code kinship.notifications.message-centre-issuers}
 * names the health system, a patient's batched notices are also written to the EHR as a
 * FHIR {@code Communication} to the patient, with the backend-services client (scope
 * {@code system/Communication.c}), so that they show in the portal the member already
 * uses. Off for every health system by default. It says what the e-mail says, in the
 * member's language: counts of what happened and the link back through the launch; never
 * message text, a diagnosis, a group's or another member's name. Each notice is stored
 * with the batching that made it and written on the dispatch thread; an EHR that fails is
 * tried again after a wait that doubles, up to {@code max-attempts}, and each
 * Communication carries the notice's identifier ({@code urn:kinship:notification}) and is
 * a conditional create on it ({@code If-None-Exist}), so that a notice tried again after
 * an answer was lost is not written twice. Logs carry counts and HTTP statuses only.
 */
@Component
class MessageCentre {

	private final String identifierSystem;

	private static final Logger log = LoggerFactory.getLogger(MessageCentre.class);

	private final PortalNoticeStore notices;

	private final BackendFhirClients backend;

	private final MessageSource messages;

	private final NotificationsProperties properties;

	MessageCentre(PortalNoticeStore notices, BackendFhirClients backend, MessageSource messages,
			NotificationsProperties properties, EhrIdentifiers identifiers) {
		this.notices = notices;
		this.backend = backend;
		this.messages = messages;
		this.properties = properties;
		this.identifierSystem = identifiers.system("notification");
	}

	/**
	 * The patient a member's notices go to in the message centre.
	 * @param contact the member
	 * @return the patient's id, or {@code null} when the health system is not configured
	 * for it or the member is not a patient (a caregiver, staff)
	 */
	@Nullable String patientOf(Contact contact) {
		if (!this.properties.messageCentreIssuers().contains(contact.issuerKey())
				|| !contact.fhirUser().startsWith("Patient/")) {
			return null;
		}
		return contact.fhirUser().substring("Patient/".length());
	}

	/**
	 * Writes the notices that are due.
	 * @param now the time
	 * @return how many the EHR took
	 */
	int write(Instant now) {
		List<PortalNotice> due = this.notices.due(now, this.properties.sendBatch());
		Map<String, IGenericClient> clients = new HashMap<>();
		int written = 0;
		int failed = 0;
		for (PortalNotice notice : due) {
			try {
				IGenericClient client = clients.computeIfAbsent(notice.issuerKey(), this.backend::forIssuer);
				String id = EhrWrites.createOnceForId(client, communication(notice, now), this.identifierSystem,
						String.valueOf(notice.id()));
				this.notices.sent(notice.id(), id);
				written++;
			}
			catch (RuntimeException ex) {
				failed(notice, reason(ex), now);
				failed++;
			}
		}
		if (failed > 0) {
			log.warn("Message centre: {} notices written, {} not taken by the EHR", written, failed);
		}
		return written;
	}

	private void failed(PortalNotice notice, String reason, Instant now) {
		int attempts = notice.attempts() + 1;
		if (attempts >= this.properties.maxAttempts()) {
			this.notices.failed(notice.id(), PortalNoticeStore.FAILED, now, reason);
			return;
		}
		Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
		this.notices.failed(notice.id(), PortalNoticeStore.PENDING, now.plus(wait), reason);
	}

	Communication communication(PortalNotice notice, Instant now) {
		Communication communication = new Communication();
		communication.addIdentifier().setSystem(this.identifierSystem).setValue(String.valueOf(notice.id()));
		communication.setStatus(Communication.CommunicationStatus.COMPLETED);
		communication.addCategory()
			.addCoding()
			.setSystem("http://terminology.hl7.org/CodeSystem/communication-category")
			.setCode("notification");
		communication.setPriority(Communication.CommunicationPriority.ROUTINE);
		communication.setSubject(new Reference("Patient/" + notice.patientId()));
		communication.addRecipient(new Reference("Patient/" + notice.patientId()));
		communication.setSent(Date.from(now));
		communication.getMeta().addTag("urn:kinship", "notification", null);
		communication.addPayload().setContent(new StringType(text(notice)));
		return communication;
	}

	private String text(PortalNotice notice) {
		Locale locale = notice.locale();
		int total = notice.counts().values().stream().mapToInt(Integer::intValue).sum();
		Item.Kind only = (notice.counts().size() == 1) ? notice.counts().keySet().iterator().next() : null;
		StringBuilder text = new StringBuilder((only != null)
				? text(locale, "notifications.mail.subject." + only.name().toLowerCase(Locale.ROOT), total)
				: text(locale, "notifications.mail.subject.any", total));
		text.append("\n\n").append(text(locale, "notifications.mail.notice.intro")).append('\n');
		notice.counts()
			.forEach((kind, count) -> text.append("- ")
				.append(text(locale, "notifications.mail.kind." + kind.name().toLowerCase(Locale.ROOT), count))
				.append('\n'));
		text.append('\n').append(text(locale, "notifications.mail.open", launchLink(notice.issuerKey())));
		return text.toString();
	}

	private String launchLink(String issuerKey) {
		return this.properties.baseUrl().replaceAll("/+$", "") + "/launch/standalone?issuer="
				+ java.net.URLEncoder.encode(issuerKey, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static String reason(RuntimeException ex) {
		return (ex instanceof BaseServerResponseException response) ? "HTTP " + response.getStatusCode()
				: ex.getClass().getSimpleName();
	}

}
