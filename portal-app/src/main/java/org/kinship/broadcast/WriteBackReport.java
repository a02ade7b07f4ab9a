package org.kinship.broadcast;

import java.util.List;

/**
 * How far an urgent broadcast has been recorded in the EHR, one FHIR
 * {@code Communication} per recipient patient.
 *
 * @param enabled whether the health system asked for write-back
 * @param done recorded
 * @param pending still being tried
 * @param failed given up after every attempt
 * @param failures the patients whose record could not be written, with the reason (an
 * HTTP status or an error's name)
 */
public record WriteBackReport(boolean enabled, int done, int pending, int failed, List<Failure> failures) {

	/**
	 * One patient's record that could not be written.
	 *
	 * @param patient the patient reference
	 * @param reason the last error
	 * @param attempts how many times it was tried
	 */
	public record Failure(String patient, String reason, int attempts) {
	}

}
