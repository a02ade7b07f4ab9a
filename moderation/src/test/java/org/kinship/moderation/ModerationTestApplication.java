package org.kinship.moderation;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

/**
 * The moderation module alone, for its integration tests: its beans, its settings, a data
 * source and its own Flyway migrations ({@code src/test/resources/application.yml}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
@ConfigurationPropertiesScan
class ModerationTestApplication {

}
