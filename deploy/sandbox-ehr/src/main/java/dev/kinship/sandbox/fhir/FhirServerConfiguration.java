package dev.kinship.sandbox.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import dev.kinship.sandbox.SandboxProperties;
import jakarta.servlet.Filter;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR R4 server at {@code /fhir}: HAPI's plain server over the in-memory store, with
 * SMART scope rules on every request. Spring Security has already checked the bearer
 * token by then.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

	static final List<Class<? extends IBaseResource>> READABLE = List.of(Patient.class, RelatedPerson.class,
			Practitioner.class, PractitionerRole.class, Organization.class, Condition.class, CarePlan.class, Goal.class,
			MedicationRequest.class, CareTeam.class, Appointment.class, Encounter.class, Observation.class);

	static final List<Class<? extends IBaseResource>> CREATABLE = List.of(Communication.class,
			QuestionnaireResponse.class, ServiceRequest.class, Task.class);

	@Bean
	FhirContext fhirContext() {
		return FhirContext.forR4();
	}

	/**
	 * Holds every FHIR request for {@code sandbox.fhir-latency}, so that a benchmark sees
	 * round trips as long as across a network rather than on one machine.
	 */
	@Bean
	FilterRegistrationBean<Filter> fhirLatency(SandboxProperties properties) {
		long millis = properties.fhirLatency().toMillis();
		Filter latency = (request, response, chain) -> {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(latency);
		registration.addUrlPatterns("/fhir/*");
		registration.setEnabled(millis > 0);
		return registration;
	}

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext context, ResourceStore store) {
		SearchMatcher matcher = new SearchMatcher(context);
		RestfulServer server = new RestfulServer(context);
		List<IResourceProvider> providers = new java.util.ArrayList<>();
		READABLE.forEach((type) -> providers.add(new StoredResourceProvider(type, store, matcher)));
		CREATABLE.forEach((type) -> providers.add(new CreatableResourceProvider(type, store, matcher)));
		server.setResourceProviders(providers);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
		paging.setDefaultPageSize(50);
		paging.setMaximumPageSize(200);
		server.setPagingProvider(paging);
		server.registerInterceptor(new SmartScopeRules());
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
		registration.setName("fhir");
		return registration;
	}

}
