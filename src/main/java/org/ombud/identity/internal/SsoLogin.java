package org.ombud.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.identity.AgentPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Logging in through an OpenID Connect provider, when {@code ombud.sso.issuer-uri} is set. The provider's user
 * becomes an Ombud agent: by a claim naming the username ({@code ombud.sso.username-claim}, when set) or else by
 * an e-mail address the provider says is verified, matching exactly one agent. Only an active agent gets in; the
 * session then holds the same {@link AgentPrincipal} as a form login, and the login is audited like one. No
 * token of the provider is kept.
 */
@Component
@ConditionalOnExpression("!'${ombud.sso.issuer-uri:}'.isBlank()")
class SsoLogin {

	static final String REGISTRATION = "sso";

	/** Where a refused sign-in lands: the login page, which says why. */
	static final String REFUSED = "/login?sso-refused";

	private final AgentStore agents;

	private final ApplicationEventPublisher events;

	private final String usernameClaim;

	private final ClientRegistrationRepository registrations;

	private final OidcUserService users = new OidcUserService();

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SsoLogin(AgentStore agents, ApplicationEventPublisher events, @Value("${ombud.sso.issuer-uri}") String issuerUri,
			@Value("${ombud.sso.client-id:}") String clientId, @Value("${ombud.sso.client-secret:}") String clientSecret,
			@Value("${ombud.sso.username-claim:}") String usernameClaim) {
		this.agents = agents;
		this.events = events;
		this.usernameClaim = usernameClaim;
		this.registrations = new Discovered(issuerUri, clientId, clientSecret);
	}

	void configure(HttpSecurity http) throws Exception {
		http.oauth2Login(login -> login.loginPage("/login")
			.clientRegistrationRepository(registrations)
			.authorizedClientRepository(new NothingKept())
			.userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::loadUser))
			.successHandler(this::loggedIn)
			.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + REFUSED)));
	}

	private OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = users.loadUser(request);
		AgentPrincipal agent = agentOf(user).filter(AgentPrincipal::isEnabled)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("ombud_no_agent"),
					"No active agent for this sign-in"));
		return new AgentOidcUser(agent, user);
	}

	private Optional<AgentPrincipal> agentOf(OidcUser user) {
		if (!usernameClaim.isBlank()) {
			String username = user.getClaimAsString(usernameClaim);
			if (username != null && !username.isBlank()) {
				return agents.principal(username.trim().toLowerCase());
			}
		}
		if (Boolean.TRUE.equals(user.getEmailVerified()) && user.getEmail() != null && !user.getEmail().isBlank()) {
			List<AgentPrincipal> found = agents.principalsByEmail(user.getEmail().trim());
			return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
		}
		return Optional.empty();
	}

	/** The session gets the agent, as after a form login; the audit log and the login guard hear of it. */
	private void loggedIn(HttpServletRequest request, HttpServletResponse response, Authentication oidc)
			throws java.io.IOException {
		AgentPrincipal agent = ((AgentOidcUser) oidc.getPrincipal()).agent();
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(agent, null,
				agent.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		events.publishEvent(new AuthenticationSuccessEvent(authentication));
		response.sendRedirect(request.getContextPath() + "/console");
	}

	/** The provider's user, for the moment between its answer and the session getting the agent. */
	private static final class AgentOidcUser extends DefaultOidcUser {

		private final transient AgentPrincipal agent;

		AgentOidcUser(AgentPrincipal agent, OidcUser user) {
			super(agent.getAuthorities(), user.getIdToken(), user.getUserInfo());
			this.agent = agent;
		}

		AgentPrincipal agent() {
			return agent;
		}

		@Override
		public boolean equals(Object other) {
			return super.equals(other);
		}

		@Override
		public int hashCode() {
			return super.hashCode();
		}
	}

	/** The provider's settings, read from its discovery document when first needed (and again until it answers). */
	private static final class Discovered implements ClientRegistrationRepository {

		private final String issuerUri;

		private final String clientId;

		private final String clientSecret;

		private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

		Discovered(String issuerUri, String clientId, String clientSecret) {
			this.issuerUri = issuerUri;
			this.clientId = clientId;
			this.clientSecret = clientSecret;
		}

		@Override
		public ClientRegistration findByRegistrationId(String registrationId) {
			if (!REGISTRATION.equals(registrationId)) {
				return null;
			}
			return registration.updateAndGet(known -> known != null ? known
					: ClientRegistrations.fromIssuerLocation(issuerUri)
						.registrationId(REGISTRATION)
						.clientId(clientId)
						.clientSecret(clientSecret)
						.scope("openid", "email", "profile")
						.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
						.build());
		}
	}

	/** Ombud keeps no token of the provider: it only wanted to know who logged in. */
	private static final class NothingKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}
	}
}
