package org.kinship.times.internal;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The time zone each person chose or their browser gave, in {@code member_time_zone}.
 */
@Repository
public class TimeZoneStore {

	/**
	 * The zones Java knows, read once: {@link ZoneId#getAvailableZoneIds()} copies some
	 * six hundred names into a new set at each call, and a member's zone is checked on
	 * every page.
	 */
	private static final Set<String> KNOWN = Set.copyOf(ZoneId.getAvailableZoneIds());

	private final JdbcClient jdbc;

	TimeZoneStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A person's time zone.
	 * @param issuer the health system
	 * @param fhirUser the person
	 * @return the zone, or empty when none was stored (or one Java no longer knows)
	 */
	public Optional<ZoneId> find(String issuer, String fhirUser) {
		return this.jdbc.sql("SELECT zone FROM member_time_zone WHERE issuer = ? AND fhir_user = ?")
			.params(issuer, fhirUser)
			.query(String.class)
			.optional()
			.filter(TimeZoneStore::isKnown)
			.map(ZoneId::of);
	}

	/**
	 * Whether Java knows a zone by this id.
	 * @param zoneId the id, such as {@code America/Chicago}
	 * @return true when {@link ZoneId#of} takes it as a region
	 */
	public static boolean isKnown(String zoneId) {
		return KNOWN.contains(zoneId);
	}

	/**
	 * Stores a person's time zone.
	 * @param issuer the health system
	 * @param fhirUser the person
	 * @param zone the zone
	 */
	public void save(String issuer, String fhirUser, ZoneId zone) {
		int updated = this.jdbc.sql("UPDATE member_time_zone SET zone = ? WHERE issuer = ? AND fhir_user = ?")
			.params(zone.getId(), issuer, fhirUser)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("INSERT INTO member_time_zone (issuer, fhir_user, zone) VALUES (?, ?, ?)")
					.params(issuer, fhirUser, zone.getId())
					.update();
			}
			catch (DuplicateKeyException ex) {
				save(issuer, fhirUser, zone);
			}
		}
	}

}
