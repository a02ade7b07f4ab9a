package org.kinship.referrals.internal;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which answers of the EHR end a referral's write for good, and which are waited out.
 */
class EhrReferralsTests {

	@Test
	void aClientErrorIsARefusal() {
		assertThat(EhrReferrals.refusal(new InvalidRequestException("bad"))).isTrue();
		assertThat(EhrReferrals.refusal(new ForbiddenOperationException("no"))).isTrue();
		assertThat(EhrReferrals.refusal(new UnprocessableEntityException("invalid"))).isTrue();
	}

	@Test
	void aServerErrorATimeoutOrTooManyRequestsIsTriedAgain() {
		assertThat(EhrReferrals.refusal(new InternalErrorException("down"))).isFalse();
		assertThat(EhrReferrals.refusal(new UnclassifiedServerFailureException(503, "busy"))).isFalse();
		assertThat(EhrReferrals.refusal(new UnclassifiedServerFailureException(408, "slow"))).isFalse();
		assertThat(EhrReferrals.refusal(new UnclassifiedServerFailureException(429, "later"))).isFalse();
		assertThat(EhrReferrals.refusal(new FhirClientConnectionException("read timed out"))).isFalse();
		assertThat(EhrReferrals.refusal(new IllegalStateException("no token"))).isFalse();
	}

}
