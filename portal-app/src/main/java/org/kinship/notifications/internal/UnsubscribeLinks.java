package org.kinship.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The signed one-click unsubscribe links of e-mails: the contact's random id and an
 * HMAC-SHA256 of it under {@code kinship.notifications.unsubscribe-key}, so that a link
 * cannot be made up for another member and carries nothing about the member.
 */
@Component
public class UnsubscribeLinks {

	private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);

	private final byte[] key;

	private final String baseUrl;

	UnsubscribeLinks(NotificationsProperties properties) {
		this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
		if (properties.unsubscribeKey().isBlank()) {
			log.warn("No kinship.notifications.unsubscribe-key: unsubscribe links work until this node stops");
			this.key = new byte[32];
			new SecureRandom().nextBytes(this.key);
		}
		else {
			this.key = Base64.getDecoder().decode(properties.unsubscribeKey().strip());
		}
	}

	/**
	 * The link of a contact.
	 * @param unsubscribeId the contact's random id
	 * @return the absolute URL
	 */
	public String link(String unsubscribeId) {
		return this.baseUrl + "/unsubscribe/" + token(unsubscribeId);
	}

	/**
	 * The token of a contact.
	 * @param unsubscribeId the contact's random id
	 * @return the token
	 */
	String token(String unsubscribeId) {
		return unsubscribeId + "." + signature(unsubscribeId);
	}

	/**
	 * Checks a token.
	 * @param token the token from a link
	 * @return the contact's random id when the signature is right
	 */
	public Optional<String> verify(String token) {
		int dot = token.indexOf('.');
		if (dot <= 0 || dot > 64) {
			return Optional.empty();
		}
		String id = token.substring(0, dot);
		boolean valid = MessageDigest.isEqual(signature(id).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
		return valid ? Optional.of(id) : Optional.empty();
	}

	private String signature(String id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
