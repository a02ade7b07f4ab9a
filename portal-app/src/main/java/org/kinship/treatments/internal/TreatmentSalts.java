package org.kinship.treatments.internal;

import java.security.SecureRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each ingredient's secret salt, made at random the first time its count is shown and
 * kept, so that the same members always draw the same noise.
 */
@Repository
public class TreatmentSalts {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	TreatmentSalts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ingredient's salt, made now when it has none; two nodes making one at once keep
	 * the first stored.
	 * @param rxcui the ingredient
	 * @return its salt
	 */
	public long of(String rxcui) {
		this.jdbc.sql("INSERT INTO treatment_salt (rxcui, salt) VALUES (?, ?) ON DUPLICATE KEY UPDATE salt = salt")
			.params(rxcui, this.random.nextLong())
			.update();
		return this.jdbc.sql("SELECT salt FROM treatment_salt WHERE rxcui = ?").param(rxcui).query(Long.class).single();
	}

}
