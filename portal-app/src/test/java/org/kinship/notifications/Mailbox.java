package org.kinship.notifications;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM (GreenMail) on a port of its own, and what it
 * received for one address.
 */
final class Mailbox {

	static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		SMTP.start();
	}

	private Mailbox() {
	}

	static int port() {
		return SMTP.getSmtp().getPort();
	}

	static List<MimeMessage> to(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * The text of a message, its unsubscribe token left out: the token is random, and a
	 * check that no name appears in the text would fail whenever the token happened to
	 * spell one ("Cy").
	 * @param message the message
	 * @return the text
	 */
	static String body(MimeMessage message) {
		try {
			return ((String) message.getContent()).replaceAll("/unsubscribe/[^\\s>]+", "/unsubscribe/TOKEN");
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
