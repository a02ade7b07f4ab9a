/**
 * SMART App Launch: turns a launch from a registered hospital's EHR into a Kinship
 * session. Holds the issuer registry (each hospital registered in configuration) and,
 * later, the session principal and FHIR clients bound to the user's own token. An
 * {@code iss} that is not registered is refused before any network call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SMART launch")
@org.jspecify.annotations.NullMarked
package org.kinship.launch;
