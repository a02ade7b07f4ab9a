package org.kinship.launch.internal;

import java.time.Clock;
import java.time.Duration;

import org.kinship.audit.AuditLog;
import org.kinship.launch.IssuerRegistry;
import org.kinship.launch.LaunchProperties;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what, read top to bottom: pages before a launch are open; everything else
 * needs the session that a SMART launch creates. Tokens stay in the server-side session
 * ({@link HttpSessionOAuth2AuthorizedClientRepository}), never in a cookie or a page.
 * Every response carries Kinship's browser policy ({@link BrowserPolicy}): what the page
 * may load and send, and which hospital portals may frame it.
 */
@Configuration(proxyBeanMethods = false)
class LaunchSecurityConfiguration {

	/** Refresh this long before an access token expires. */
	static final Duration REFRESH_AHEAD = Duration.ofSeconds(5);

	/**
	 * Browser features no Kinship page uses, refused to the page and to what it frames.
	 */
	static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()";

	/**
	 * The management port (Prometheus's scrapes and the orchestrator's probes): Actuator
	 * alone is served there, to whoever reaches the port, so the port must stay inside
	 * the cluster. Requests to the application's port never match this chain.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain managementSecurity(HttpSecurity http, Environment environment) throws Exception {
		http.securityMatcher(new ManagementPort(environment))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * Style sheets and scripts: the same for everyone, holding no data, and many to a
	 * page. They are served without a session and without the headers that only a
	 * document or a worker reads (the content security policy, the permissions and
	 * referrer policies), which on a slow link cost a group page a few hundred
	 * milliseconds over its twenty-odd files; {@code nosniff} stays, so that nothing is
	 * run as a script that is not one. Icons, brands, the portal's style sheet and the
	 * service worker keep the pages' chain and its policy.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain staticAssetSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/css/**", "/js/**", "/*/js/**", "/webjars/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.defaultsDisabled().contentTypeOptions(Customizer.withDefaults()));
		return http.build();
	}

	/**
	 * The one-click unsubscribe links of notification e-mails: signed tokens that stand
	 * for the member, opened from a mail client without a session.
	 */
	static final String UNSUBSCRIBE = "/unsubscribe/**";

	/**
	 * The service worker that shows Web Push notifications: the browser fetches it again
	 * to check for updates long after the session that registered it has ended. It holds
	 * no data.
	 */
	static final String PUSH_WORKER = "/push-worker.js";

	@Bean
	SecurityFilterChain kinshipSecurity(HttpSecurity http, SmartClientRegistrations registrations,
			IssuerRegistry issuers, TokenEndpointClients tokenClients, RecordNames names, RoleAssignments roles,
			PortalStyle styles, AuditLog audit, OAuth2AuthorizedClientRepository authorizedClients,
			LaunchProperties properties, ApplicationEventPublisher events, SmartDiscovery discovery) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/launch", "/launch/**", "/signed-out", "/error", "/css/**", "/brands/**",
					// the look and the help need no session: scripts and icons hold no
					// data, and a
					// script's cache-busted path starts with its version
					// ("/{version}/js/...")
					"/js/**", "/*/js/**", "/icons/**", "/manifest.webmanifest", PUSH_WORKER, "/help", "/help/*",
					"/styleguide", "/.well-known/jwks.json", "/livez", "/readyz", "/actuator/health",
					"/actuator/health/**", BrowserPolicy.REPORTS, UNSUBSCRIBE)
			.permitAll()
			// metrics and the rest of Actuator only on the management port, whatever the
			// session
			.requestMatchers("/actuator/**")
			.denyAll()
			.requestMatchers("/admin/**")
			.hasRole("COMMUNITY_MANAGER")
			.anyRequest()
			.authenticated())
			.oauth2Login((login) -> login.clientRegistrationRepository(registrations)
				.authorizedClientRepository(authorizedClients)
				.authorizationEndpoint((endpoint) -> endpoint
					.authorizationRequestResolver(new SmartAuthorizationRequests(registrations, issuers)))
				.tokenEndpoint((endpoint) -> endpoint.accessTokenResponseClient(tokenClients.authorizationCode()))
				.userInfoEndpoint((userInfo) -> userInfo
					.oidcUserService(new SmartUserService(issuers, names, roles, styles, audit, events)))
				.loginPage("/launch/choose")
				.defaultSuccessUrl("/", true)
				.failureHandler(new LaunchFailurePage(audit, issuers)))
			.logout((logout) -> logout.logoutSuccessUrl("/signed-out"))
			// browsers report policy violations, and mail clients unsubscribe (RFC 8058),
			// without a session or a CSRF token
			.csrf((csrf) -> csrf.ignoringRequestMatchers(BrowserPolicy.REPORTS, UNSUBSCRIBE))
			.headers((headers) -> headers.frameOptions((frames) -> frames.disable())
				.addHeaderWriter(new BrowserPolicy(issuers, discovery))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS)))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/launch/choose")))
			.addFilterAfter(new SessionLifetime(properties.absoluteSessionTimeout()),
					SecurityContextHolderFilter.class);
		return http.build();
	}

	/**
	 * Kinship's cookies: {@code SameSite=None; Secure; Partitioned} inside a hospital
	 * portal's frame, {@code Lax} elsewhere, {@code Secure} outside this machine.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> frameAwareCookies(LaunchProperties properties) {
		boolean framingAllowed = properties.issuers()
			.values()
			.stream()
			.anyMatch((issuer) -> !issuer.frameAncestors().isEmpty());
		return (factory) -> factory
			.addContextCustomizers((context) -> context.setCookieProcessor(new FrameAwareCookies(framingAllowed)));
	}

	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(SmartClientRegistrations registrations,
			OAuth2AuthorizedClientRepository authorizedClients, TokenEndpointClients tokenClients, AuditLog audit,
			ObjectProvider<Clock> clock) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken((refresh) -> refresh.accessTokenResponseClient(tokenClients.refreshToken())
				.clockSkew(REFRESH_AHEAD)
				// the application's clock, so that a test moves time instead of waiting
				// for a token to expire
				.clock(clock.getIfAvailable(Clock::systemUTC)))
			.build());
		manager.setAuthorizationSuccessHandler(new AuditedRefreshes(authorizedClients, audit));
		return manager;
	}

}
