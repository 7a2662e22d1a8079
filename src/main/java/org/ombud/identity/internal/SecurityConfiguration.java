package org.ombud.identity.internal;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpSession;

import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.ApiScope;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.Role;
import org.ombud.identity.SessionsEnded;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Three doors: the REST API (bearer tokens, no session, no cookies), the agents' console (form login or
 * single sign-on, CSRF, session) and the public pages (web form, status page, docs, health).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String SESSION_COOKIE = "SESSION";

	static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The pages' headers: the strict policy, no powerful browser features, a window of their own. */
	static HeadersConfigurer<HttpSecurity> strict(HeadersConfigurer<HttpSecurity> headers) {
		return headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"))
			.crossOriginOpenerPolicy(coop -> coop
				.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN));
	}

	/**
	 * A request the firewall refuses (a control character in a header, an encoded slash in the path…) is the
	 * caller's mistake: 400, as a problem for the API and the error page elsewhere, never a 500.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
		HttpStatusRequestRejectedHandler pages = new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
		return (request, response, rejected) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.startsWith("/api/")) {
				problems.write(request, response, HttpStatus.BAD_REQUEST, "error.badRequest", null);
			}
			else {
				pages.handle(request, response, rejected);
			}
		};
	}

	/** A logged-in agent whose role works cases and chats. */
	static boolean worksCases(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated() && !TRUST.isAnonymous(authentication)
				&& !hasRole(authentication, Role.COMPLIANCE_VIEWER);
	}

	private static boolean hasRole(Authentication authentication, Role role) {
		return authentication.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
	}

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	/**
	 * Argon2id for every new hash; {@code {bcrypt}} hashes (and Argon2 ones with weaker settings) are still
	 * accepted and replaced at the next successful login. Tests may lower the cost; the defaults are Spring
	 * Security's (16 MiB, 2 passes).
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${ombud.login.argon2.memory-kib:16384}") int memoryKib,
			@Value("${ombud.login.argon2.iterations:2}") int iterations) {
		Map<String, PasswordEncoder> encoders = new HashMap<>();
		encoders.put("argon2", new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations));
		encoders.put("bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	/**
	 * The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS (behind a proxy
	 * once {@code server.forward-headers-strategy} trusts its forwarded headers), or always with
	 * {@code server.servlet.session.cookie.secure=true}.
	 */
	@Bean
	CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.secure:false}") boolean alwaysSecure) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(SESSION_COOKIE);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		if (alwaysSecure) {
			cookie.setUseSecureCookie(true);
		}
		return cookie;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
		return http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			// reading needs cases:read, everything else (opening cases, writing on them) cases:write
			.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAuthority(ApiScope.CASES_READ.authority())
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.hasAuthority(ApiScope.CASES_READ.authority())
				.anyRequest()
				.hasAuthority(ApiScope.CASES_WRITE.authority()))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "error.api.unauthorized", "Bearer"))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"error.api.forbidden", null)))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http, LoginGuard guard, ApplicationEventPublisher events,
			ObjectProvider<SsoLogin> sso) throws Exception {
		// single sign-on through OpenID Connect, when configured: its start and its return address
		SsoLogin singleSignOn = sso.getIfAvailable();
		if (singleSignOn != null) {
			singleSignOn.configure(http);
		}
		return http.securityMatcher("/console/**", "/login", "/logout", "/oauth2/**", "/login/oauth2/**")
			.addFilterBefore(new LoginThrottleFilter(guard), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/login").permitAll()
				// the async dispatch resumes a request that was authorised when it began (the live event stream)
				.dispatcherTypeMatchers(DispatcherType.ASYNC)
				.permitAll()
				// the compliance viewer reads and exports the audit log and works no case or chat
				.requestMatchers("/console/admin/audit", "/console/admin/audit/**")
				.hasAnyRole(Role.ADMIN.name(), Role.COMPLIANCE_VIEWER.name())
				.requestMatchers("/console/admin/**")
				.hasRole(Role.ADMIN.name())
				// a hotline call becomes a case of its category's team: task agents, who see only what they are
				// given, do not open cases they would not see
				.requestMatchers("/console/cases/new")
				.access((authentication, context) -> new AuthorizationDecision(worksCases(authentication.get())
						&& !hasRole(authentication.get(), Role.TASK_AGENT)))
				.requestMatchers("/console/cases/**", "/console/chats/**", "/console/duty", "/console/notifications/**")
				.access((authentication, context) -> new AuthorizationDecision(worksCases(authentication.get())))
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).permitAll())
			// the live event stream refuses with 401, not the login page: a browser's EventSource stops on it
			.exceptionHandling(e -> e.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
				.addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/console/live"))
				.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
				.build()))
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				// before the session goes: what was open for it (live streams) ends with it
				.addLogoutHandler((request, response, authentication) -> {
					HttpSession session = request.getSession(false);
					if (session != null && authentication != null
							&& authentication.getPrincipal() instanceof AgentPrincipal agent) {
						events.publishEvent(new SessionsEnded(agent.agentId(), session.getId()));
					}
				})
				.deleteCookies(SESSION_COOKIE))
			.headers(headers -> strict(headers).referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain documentation(HttpSecurity http) throws Exception {
		// Swagger UI ships its own scripts and styles; it gets the default headers but no strict CSP
		return http.securityMatcher("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**", "/v3/api-docs")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain management(HttpSecurity http) throws Exception {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to("health", "prometheus", "info"))
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(5)
	SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.headers(headers -> strict(headers).referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
			.build();
	}
}
