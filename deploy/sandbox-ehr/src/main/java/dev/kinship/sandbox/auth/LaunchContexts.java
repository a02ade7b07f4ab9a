package dev.kinship.sandbox.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.kinship.sandbox.SandboxProperties;
import dev.kinship.sandbox.people.Persona;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Launches made from the portal, looked up again when the app comes back with its
 * {@code launch} value, and when its tokens are refreshed. A launch lives as long as a
 * refresh token does.
 */
@Component
public class LaunchContexts {

	private static final int MAX_LAUNCHES = 10_000;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, LaunchContext> launches = new ConcurrentHashMap<>();

	private final SandboxProperties properties;

	private final Clock clock;

	LaunchContexts(SandboxProperties properties) {
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Records a new launch.
	 * @param persona who launches
	 * @param clientId the app
	 * @param needPatientBanner whether the app must show a patient banner
	 * @param intent the SMART intent, or {@code null}
	 * @return the launch, whose id goes to the app
	 */
	public LaunchContext create(Persona persona, String clientId, boolean needPatientBanner, @Nullable String intent) {
		evictExpired();
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		LaunchContext launch = new LaunchContext(id, persona.id(), clientId, persona.patientId(), null,
				needPatientBanner, intent, this.clock.instant());
		this.launches.put(id, launch);
		return launch;
	}

	/**
	 * The live launch with this id.
	 * @param id the {@code launch} value
	 * @return the launch, unless unknown or expired
	 */
	public Optional<LaunchContext> find(@Nullable String id) {
		if (id == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.launches.get(id)).filter((launch) -> !expired(launch, this.clock.instant()));
	}

	private void evictExpired() {
		Instant now = this.clock.instant();
		this.launches.values().removeIf((launch) -> expired(launch, now));
		if (this.launches.size() >= MAX_LAUNCHES) {
			this.launches.values()
				.stream()
				.min(java.util.Comparator.comparing(LaunchContext::createdAt))
				.ifPresent((oldest) -> this.launches.remove(oldest.id()));
		}
	}

	private boolean expired(LaunchContext launch, Instant now) {
		return launch.createdAt().plus(this.properties.refreshTokenTtl()).isBefore(now);
	}

}
