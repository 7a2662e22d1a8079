package org.ombud.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.shared.Throttle;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the login form's authentication: a locked name or an address over its limit goes back to the
 * login page with how long to wait, and its password is not even checked.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginGuard guard;

	LoginThrottleFilter(LoginGuard guard) {
		this.guard = guard;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = guard.refusal(request.getParameter("username"), request.getRemoteAddr());
		if (wait.isPresent()) {
			response.sendRedirect(request.getContextPath() + "/login?locked=" + Throttle.minutes(wait.get()));
			return;
		}
		chain.doFilter(request, response);
	}
}
