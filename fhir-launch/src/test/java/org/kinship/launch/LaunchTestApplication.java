package org.kinship.launch;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The launch jar on its own, as its tests start it: the launch and audit modules, their
 * security, pages and tables, and nothing of the application that embeds them.
 */
@SpringBootApplication(scanBasePackages = "org.kinship")
@ConfigurationPropertiesScan("org.kinship")
class LaunchTestApplication {

}
