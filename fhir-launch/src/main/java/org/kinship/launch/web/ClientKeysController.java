package org.kinship.launch.web;

import java.util.Map;

import org.kinship.launch.ClientJwks;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kinship's public keys, registered with EHRs by URL for {@code private_key_jwt}.
 */
@RestController
class ClientKeysController {

	private final ClientJwks jwks;

	ClientKeysController(ClientJwks jwks) {
		this.jwks = jwks;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
	Map<String, Object> jwks() {
		return this.jwks.publicKeys();
	}

}
