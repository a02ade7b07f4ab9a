package org.kinship.launch.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A launch that cannot go on, with a code that picks the page the person sees. The
 * description is for the log and never holds health data or tokens.
 */
class LaunchProblem extends OAuth2AuthenticationException {

	static final String EHR_UNAVAILABLE = "ehr_unavailable";

	static final String MISSING_PATIENT_CONTEXT = "missing_patient_context";

	static final String UNKNOWN_USER = "unknown_user";

	LaunchProblem(String code, String description, @Nullable Throwable cause) {
		super(new OAuth2Error(code, description, null), description, cause);
	}

}
