package org.ombud.identity.internal;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.Sessions;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session that may no longer go on (see {@link Sessions}); the request then goes on as anonymous:
 * the login page, or 401 for the live stream.
 */
class SessionGuard extends OncePerRequestFilter {

	private final Sessions sessions;

	SessionGuard(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication != null && authentication.getPrincipal() instanceof AgentPrincipal me) {
			Instant loggedInAt = (Instant) session.getAttribute(Sessions.LOGGED_IN_AT);
			if (loggedInAt == null) {
				session.setAttribute(Sessions.LOGGED_IN_AT, sessions.now());
			}
			else if (!sessions.mayContinue(me, loggedInAt)) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
		}
		chain.doFilter(request, response);
	}
}
