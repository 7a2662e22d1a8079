package org.ombud.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.identity.ApiClient;
import org.ombud.identity.ApiTokens;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Turns {@code Authorization: Bearer <token>} into an authenticated API client. */
class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	ApiTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			tokens.authenticate(header.substring(7).trim()).ifPresent(client -> {
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new ApiClientAuthentication(client));
				SecurityContextHolder.setContext(context);
			});
		}
		chain.doFilter(request, response);
	}

	static final class ApiClientAuthentication extends AbstractAuthenticationToken {

		private final ApiClient client;

		ApiClientAuthentication(ApiClient client) {
			super(authorities(client));
			this.client = client;
			setAuthenticated(true);
		}

		private static List<SimpleGrantedAuthority> authorities(ApiClient client) {
			List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
			authorities.add(new SimpleGrantedAuthority("ROLE_API"));
			client.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
			return authorities;
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public ApiClient getPrincipal() {
			return client;
		}
	}
}
