package org.kinship.launch.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.kinship.launch.LaunchProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@code FhirContext} of the application (costly to build, safe to share), with
 * the EHR timeouts and no conformance check before each call.
 */
@Configuration(proxyBeanMethods = false)
class FhirContextConfiguration {

	@Bean
	FhirContext fhirContext(LaunchProperties properties) {
		FhirContext context = FhirContext.forR4();
		context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		context.getRestfulClientFactory().setConnectTimeout((int) properties.connectTimeout().toMillis());
		context.getRestfulClientFactory().setSocketTimeout((int) properties.readTimeout().toMillis());
		return context;
	}

}
