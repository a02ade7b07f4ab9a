package org.kinship.notifications.internal;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import com.interaso.webpush.CryptoKt;
import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The VAPID key pair of Web Push ({@code kinship.notifications.push.public-key} and
 * {@code private-key}): browsers subscribe with the public key, and every push is signed
 * with the private one. Without a pair push is off: the settings page offers nothing and
 * no push is stored. A pair made at start ({@code ephemeral-keys}, demo and tests) is
 * logged as a warning, since the subscriptions made under it stop working with the node.
 */
@Component
public class PushKeys {

	private static final Logger log = LoggerFactory.getLogger(PushKeys.class);

	private final @Nullable WebPush webPush;

	private final @Nullable String publicKey;

	PushKeys(NotificationsProperties properties) {
		NotificationsProperties.Push push = properties.push();
		VapidKeys keys = null;
		if (!push.publicKey().isBlank() && !push.privateKey().isBlank()) {
			keys = new VapidKeys(CryptoKt.generatePublicKeyFromUncompressedBytes(decode(push.publicKey())),
					CryptoKt.generatePrivateKeyFromUncompressedBytes(decode(push.privateKey())));
			if (!CryptoKt.areKeysValidPair(keys.getPrivateKey(), keys.getPublicKey())) {
				throw new IllegalStateException("kinship.notifications.push: the public and private keys do not match");
			}
		}
		else if (push.ephemeralKeys()) {
			log.warn(
					"No kinship.notifications.push key pair: browsers subscribed now get pushes until this node stops");
			KeyPair pair = CryptoKt.generateSecp256r1KeyPair();
			keys = new VapidKeys((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
		}
		this.webPush = (keys != null) ? new WebPush(push.subject(), keys) : null;
		this.publicKey = (keys != null)
				? Base64.getUrlEncoder().withoutPadding().encodeToString(keys.getApplicationServerKey()) : null;
	}

	/**
	 * @return whether push is on
	 */
	public boolean enabled() {
		return this.webPush != null;
	}

	/**
	 * The key browsers subscribe with.
	 * @return the public key in base64url, or {@code null} when push is off
	 */
	public @Nullable String publicKey() {
		return this.publicKey;
	}

	/**
	 * @return what encrypts and signs pushes, or {@code null} when push is off
	 */
	@Nullable WebPush webPush() {
		return this.webPush;
	}

	static byte[] decode(String base64url) {
		return Base64.getUrlDecoder().decode(base64url.strip().replace('+', '-').replace('/', '_').replace("=", ""));
	}

}
