package org.ombud.identity.internal;

import jakarta.servlet.DispatcherType;

import org.ombud.identity.ApiTokens;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Three doors: the REST API (bearer tokens, no session, no cookies), the agents' console (form login,
 * CSRF, session) and the public pages (web form, status page, docs, health).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
		return http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("API"))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "error.api.unauthorized", "Bearer"))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"error.api.forbidden", null)))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http) throws Exception {
		return http.securityMatcher("/console/**", "/login", "/logout")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/login").permitAll()
				// the async dispatch resumes a request that was authorised when it began (the live event stream)
				.dispatcherTypeMatchers(DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers("/console/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).permitAll())
			// the live event stream refuses with 401, not the login page: a browser's EventSource stops on it
			.exceptionHandling(e -> e.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
				.addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/console/live"))
				.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
				.build()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
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
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
			.build();
	}
}
