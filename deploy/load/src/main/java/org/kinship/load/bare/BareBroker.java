package org.kinship.load.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Spring's simple broker at {@code /ws} with Spring's defaults, as a new project gets it:
 * {@code /topic} and {@code /queue} in memory, {@code /app} to {@link Rebroadcast}.
 */
// no database: the JDBC driver the broadcast benchmark uses is on this module's class
// path
@SpringBootApplication(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableWebSocketMessageBroker
public class BareBroker implements WebSocketMessageBrokerConfigurer {

	public static void main(String[] args) {
		SpringApplication.run(BareBroker.class, args);
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws");
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.enableSimpleBroker("/topic", "/queue");
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
	}

}
