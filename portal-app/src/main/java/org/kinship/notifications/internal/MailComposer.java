package org.kinship.notifications.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes an e-mail in the member's language: counts of what happened, the group's name
 * only where the member allowed it, never message text, a diagnosis or another member's
 * name; the link back through the health system's launch, and the one-click unsubscribe
 * of RFC 8058 ({@code List-Unsubscribe} with {@code List-Unsubscribe-Post}).
 */
@Component
class MailComposer {

	private final MessageSource messages;

	private final UnsubscribeLinks unsubscribe;

	/**
	 * The sender, parsed once rather than for each of a digest's thousands of e-mails.
	 */
	private final InternetAddress from;

	private final String launchLink;

	MailComposer(MessageSource messages, UnsubscribeLinks unsubscribe, NotificationsProperties properties) {
		this.messages = messages;
		this.unsubscribe = unsubscribe;
		try {
			this.from = new InternetAddress(properties.from());
		}
		catch (jakarta.mail.internet.AddressException ex) {
			throw new IllegalStateException("kinship.notifications.from is not an e-mail address", ex);
		}
		this.launchLink = properties.baseUrl().replaceAll("/+$", "") + "/launch/standalone?issuer=";
	}

	/**
	 * A batch of immediate notices.
	 * @param session the mail session
	 * @param email the stored e-mail
	 * @param contact its member
	 * @param counts how many notices of each kind, by group name (empty: not named)
	 * @param responseTarget the response-time target of urgent escalations among them, or
	 * {@code null}
	 * @return the message
	 * @throws MessagingException when an address is not valid
	 */
	MimeMessage notice(Session session, Email email, Contact contact, Map<Item.Kind, Map<String, Integer>> counts,
			java.time.@Nullable Duration responseTarget) throws MessagingException {
		Locale locale = contact.locale();
		List<String> lines = new ArrayList<>();
		int total = 0;
		for (Map.Entry<Item.Kind, Map<String, Integer>> kind : counts.entrySet()) {
			for (Map.Entry<String, Integer> group : kind.getValue().entrySet()) {
				total += group.getValue();
				String line = text(locale, "notifications.mail.kind." + kind.getKey().name().toLowerCase(Locale.ROOT),
						group.getValue());
				lines.add(group.getKey().isEmpty() ? line
						: text(locale, "notifications.mail.in-group", line, group.getKey()));
			}
		}
		if (responseTarget != null) {
			lines.add(text(locale, "notifications.mail.escalation.target", responseTarget.toMinutes()));
		}
		Item.Kind only = (counts.size() == 1) ? counts.keySet().iterator().next() : null;
		String subject = (only != null)
				? text(locale, "notifications.mail.subject." + only.name().toLowerCase(Locale.ROOT), total)
				: text(locale, "notifications.mail.subject.any", total);
		return message(session, email, contact, subject, text(locale, "notifications.mail.notice.intro"), lines);
	}

	/**
	 * A daily digest.
	 * @param session the mail session
	 * @param email the stored e-mail
	 * @param contact its member
	 * @param named messages per named group
	 * @param unnamedMessages messages in groups not to be named
	 * @param unnamedGroups how many such groups
	 * @return the message
	 * @throws MessagingException when an address is not valid
	 */
	MimeMessage digest(Session session, Email email, Contact contact, TreeMap<String, Integer> named,
			int unnamedMessages, int unnamedGroups) throws MessagingException {
		Locale locale = contact.locale();
		List<String> lines = new ArrayList<>();
		int total = unnamedMessages;
		for (Map.Entry<String, Integer> group : named.entrySet()) {
			total += group.getValue();
			lines.add(text(locale, "notifications.mail.digest.named", group.getKey(), group.getValue()));
		}
		if (unnamedMessages > 0) {
			lines.add(text(locale, "notifications.mail.digest.unnamed", unnamedMessages, unnamedGroups));
		}
		String subject = text(locale, "notifications.mail.subject.digest", total);
		return message(session, email, contact, subject, text(locale, "notifications.mail.digest.intro"), lines);
	}

	private MimeMessage message(Session session, Email email, Contact contact, String subject, String intro,
			List<String> lines) throws MessagingException {
		Locale locale = contact.locale();
		String unsubscribeUrl = this.unsubscribe.link(contact.unsubscribeId());
		StringBuilder body = new StringBuilder();
		body.append(text(locale, "notifications.mail.hello")).append("\n\n").append(intro).append("\n\n");
		lines.forEach((line) -> body.append("- ").append(line).append('\n'));
		body.append('\n')
			.append(text(locale, "notifications.mail.open", launchLink(contact)))
			.append("\n\n-- \n")
			.append(text(locale, "notifications.mail.why"))
			.append('\n')
			.append(text(locale, "notifications.mail.stop", unsubscribeUrl))
			.append('\n');
		MimeMessage message = new StoredMessage(session, email.id());
		message.setFrom(this.from);
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(contact.email(), true));
		message.setSubject(subject, "UTF-8");
		message.setText(body.toString(), "UTF-8");
		message.setHeader("Content-Language", locale.getLanguage());
		message.setHeader("Auto-Submitted", "auto-generated");
		message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		return message;
	}

	private String launchLink(Contact contact) {
		return this.launchLink
				+ java.net.URLEncoder.encode(contact.issuerKey(), java.nio.charset.StandardCharsets.UTF_8);
	}

	private String text(Locale locale, String key, @Nullable Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * A message whose {@code Message-ID} names its stored e-mail, so that a mail system
	 * that sees it twice can tell.
	 */
	private static final class StoredMessage extends MimeMessage {

		private final long id;

		StoredMessage(Session session, long id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<notification-" + this.id + "@kinship>");
		}

	}

}
