package org.kinship.referrals;

/**
 * A clinician referred a patient to a group or a program; published in the transaction
 * that stores the referral, so that what is told is what was committed.
 *
 * @param issuer the health system
 * @param referralId the referral
 * @param patient the patient's {@code fhirUser}
 */
public record ReferralMade(String issuer, long referralId, String patient) {
}
