package org.kinship.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A browser's push subscription as its script sends it ({@code PushSubscription.toJSON()}
 * flattened).
 *
 * @param endpoint the push service's URL for the browser
 * @param p256dh the browser's public key (base64url)
 * @param auth the browser's authentication secret (base64url)
 */
public record PushForm(@Nullable String endpoint, @Nullable String p256dh, @Nullable String auth) {

	private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

	/**
	 * Whether it is a subscription a browser makes: an {@code https} endpoint of a public
	 * host (Kinship posts to it, so nothing else is accepted from a member), a 65-byte
	 * public key and a 16-byte secret.
	 * @return true when valid
	 */
	public boolean valid() {
		if (this.endpoint == null || this.p256dh == null || this.auth == null || this.endpoint.length() > 1000
				|| !BASE64URL.matcher(this.p256dh).matches() || this.p256dh.length() < 86 || this.p256dh.length() > 90
				|| !BASE64URL.matcher(this.auth).matches() || this.auth.length() < 22 || this.auth.length() > 24) {
			return false;
		}
		try {
			URI uri = new URI(this.endpoint);
			String host = uri.getHost();
			return "https".equals(uri.getScheme()) && host != null && host.contains(".") && uri.getUserInfo() == null
					&& !host.equals("localhost") && !host.matches("[0-9.]+|\\[.*");
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
