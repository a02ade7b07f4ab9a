package dev.kinship.sandbox.auth;

import dev.kinship.sandbox.SandboxProperties;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Three filter chains, read in order: the authorization server's endpoints; the FHIR
 * server, which takes only bearer tokens; and the portal pages (launcher, sign-in).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, SmartAuthorizationServer smart,
			SandboxProperties properties) throws Exception {
		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.headers((headers) -> framedByThePortal(headers, properties))
			.with(authorizationServer, smart::configure)
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SignInPaths.SIGN_IN)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain fhirServer(HttpSecurity http) throws Exception {
		http.securityMatcher("/fhir/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/fhir/.well-known/**", "/fhir/metadata")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain portal(HttpSecurity http, SandboxProperties properties) throws Exception {
		http.headers((headers) -> framedByThePortal(headers, properties))
			.authorizeHttpRequests((requests) -> requests
				// the favicon too: a browser asks for it beside every page and follows a
				// redirect to the sign-in page, whose new session would replace, in the
				// browser, the one a launch signed someone into at the same moment
				.requestMatchers("/", "/personas", "/personas/*/revoke", "/launch", "/portal", SignInPaths.SIGN_IN,
						"/smart-style.json", "/sandbox/**", "/favicon.ico", "/error", "/actuator/health",
						"/actuator/health/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			// a development sandbox: scripts revoke a person's grants without a form
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/personas/*/revoke"))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SignInPaths.SIGN_IN)));
		return http.build();
	}

	/**
	 * The portal page frames the launch, and the authorize step and sign-in run in that
	 * frame: they may be framed by the sandbox itself and by its portal host, on any
	 * port.
	 */
	private static void framedByThePortal(HeadersConfigurer<HttpSecurity> headers, SandboxProperties properties) {
		headers.frameOptions((frames) -> frames.disable())
			.contentSecurityPolicy((policy) -> policy
				.policyDirectives("frame-ancestors 'self' http://" + properties.portalHost() + ":*"));
	}

	/** The portal's session cookie, usable inside the portal page's frame. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> framedCookies() {
		return (factory) -> factory.addContextCustomizers((context) -> context.setCookieProcessor(new FramedCookies()));
	}

}
