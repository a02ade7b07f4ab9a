package dev.kinship.sandbox.launcher;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an app is opened: from inside the EHR or portal, or directly by the user.
 */
enum LaunchMode {

	/** EHR launch: the portal (patients, caregivers) or the provider EHR (clinicians). */
	EHR,
	/** Standalone launch: the user opens the app, which asks for a patient. */
	STANDALONE;

	static Optional<LaunchMode> parse(String value) {
		return Arrays.stream(values()).filter((mode) -> mode.name().equalsIgnoreCase(value)).findFirst();
	}

}
