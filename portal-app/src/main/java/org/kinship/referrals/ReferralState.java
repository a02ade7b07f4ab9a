package org.kinship.referrals;

/** Where a referral stands with the patient, in the order it usually moves. */
public enum ReferralState {

	/** Made; the patient has not launched since. */
	SENT,
	/** Shown to the patient at a launch. */
	SEEN,
	/** The patient accepted: joined the group or went to sign up. */
	ACCEPTED,
	/** The patient attended a first session of the program. */
	ATTENDED,
	/** The patient declined; they are never asked again by this referral. */
	DECLINED

}
