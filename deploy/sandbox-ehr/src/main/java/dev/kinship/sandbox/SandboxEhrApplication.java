package dev.kinship.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A stand-in for a hospital's EHR and patient portal: a SMART App Launch authorization
 * server, a FHIR R4 server holding demo people, and a launcher page. It is for
 * development, demos and tests; Kinship itself never depends on it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxEhrApplication {

	public static void main(String[] args) {
		builder().run(args);
	}

	/**
	 * The application with its own configuration file name ({@code sandbox-ehr.yml}), so
	 * that it can share a JVM with Kinship in end-to-end tests.
	 * @return a builder to run
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(SandboxEhrApplication.class).properties("spring.config.name=sandbox-ehr");
	}

}
