package org.kinship;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What no log line may carry: the names and conditions of the test fixtures (listed in
 * {@code log-secrets.txt}), and what the tests learn as they run: HTTP and WebSocket
 * session ids, tokens, the names and ids of launched people ({@link SecretsSeen} adds
 * them in every Spring context; tests may add more). Values shorter than
 * {@value #SHORTEST} characters are not kept: a mock session's id ("1") is in every line.
 */
public final class LogSecrets {

	static final int SHORTEST = 6;

	/** A JSON Web Token, as access tokens and id tokens are. */
	static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");

	private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

	static {
		try (InputStream listed = LogSecrets.class.getResourceAsStream("/log-secrets.txt")) {
			if (listed != null) {
				new String(listed.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map(String::strip)
					.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
					.forEach(LogSecrets::add);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("log-secrets.txt could not be read", ex);
		}
	}

	private LogSecrets() {
	}

	/**
	 * Adds a value that no log line may carry.
	 * @param secret the value; ignored when {@code null} or short
	 */
	public static void add(@Nullable String secret) {
		if (secret != null && secret.strip().length() >= SHORTEST) {
			SECRETS.add(secret.strip());
		}
	}

	/**
	 * What a line gives away, said without repeating it.
	 * @param line a log line
	 * @return a description of the first secret found, or {@code null}
	 */
	static @Nullable String foundIn(String line) {
		for (String secret : SECRETS) {
			if (line.contains(secret)) {
				return "a known secret beginning \"" + secret.substring(0, 3) + "\" (" + secret.length()
						+ " characters)";
			}
		}
		return JWT.matcher(line).find() ? "a JSON Web Token" : null;
	}

}
