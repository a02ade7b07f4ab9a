package org.kinship.launch;

/**
 * Who someone is at launch, from the kind of FHIR resource the EHR names as
 * {@code fhirUser}.
 */
public enum KinshipRole {

	/** A Patient launch. */
	PATIENT,
	/** A RelatedPerson launch: a caregiver acting for the patient in context. */
	CAREGIVER,
	/** A Practitioner or PractitionerRole launch. */
	CLINICIAN

}
