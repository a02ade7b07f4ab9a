package org.kinship.referrals.internal;

/**
 * A referral is due to be written to the EHR. Published inside the transaction that
 * stores the referral, so that the Event Publication Registry keeps it with that
 * transaction until the EHR has answered; ids only, as it is kept in the registry.
 *
 * @param referralId the referral
 * @param issuer the health system's FHIR base URL
 */
public record ReferralEhrDue(long referralId, String issuer) {
}
