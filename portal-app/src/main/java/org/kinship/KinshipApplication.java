package org.kinship;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Kinship: a SMART on FHIR patient community that a health system plugs into its patient
 * portal.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KinshipApplication {

	public static void main(String[] args) {
		SpringApplication.run(KinshipApplication.class, args);
	}

}
