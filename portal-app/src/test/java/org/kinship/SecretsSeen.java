package org.kinship;

import org.kinship.launch.CurrentPrincipal;
import org.kinship.launch.KinshipPrincipal;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.web.socket.messaging.SessionConnectEvent;

/**
 * Tells {@link LogSecrets} what a running test learns that no log may carry: every HTTP
 * session's id, every socket's id, the name and patient id of whoever connects a socket,
 * and the tokens of every launch. Added to every Spring context of the tests by
 * {@code META-INF/spring.factories}.
 */
public final class SecretsSeen implements ApplicationContextInitializer<ConfigurableApplicationContext>,
		ApplicationListener<ApplicationEvent> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.addApplicationListener(this);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof HttpSessionCreatedEvent created) {
			LogSecrets.add(created.getSession().getId());
		}
		else if (event instanceof SessionConnectEvent connect) {
			LogSecrets.add(SimpMessageHeaderAccessor.getSessionId(connect.getMessage().getHeaders()));
			KinshipPrincipal principal = CurrentPrincipal.from(connect.getUser()).orElse(null);
			if (principal != null) {
				LogSecrets.add(principal.displayName());
				LogSecrets.add(principal.patientName());
				LogSecrets.add(principal.patientId());
			}
		}
		else if (event instanceof AuthenticationSuccessEvent success
				&& success.getAuthentication() instanceof OAuth2LoginAuthenticationToken login) {
			LogSecrets.add(login.getAccessToken().getTokenValue());
			if (login.getRefreshToken() != null) {
				LogSecrets.add(login.getRefreshToken().getTokenValue());
			}
		}
	}

}
