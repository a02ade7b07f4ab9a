package org.kinship.launch;

import java.util.Map;

/**
 * Kinship's public client keys as a JWK Set.
 */
public interface ClientJwks {

	/**
	 * The public JWK Set (no private parts).
	 * @return the JWK Set as JSON fields
	 */
	Map<String, Object> publicKeys();

}
