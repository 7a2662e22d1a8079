package org.ombud.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The status pages' limits per address: looking a case up, opening pages and files, and writing again each
 * have their own. A request over its limit reaches no controller.
 */
class StatusLimits implements HandlerInterceptor {

	private final PublicLimits limits;

	StatusLimits(PublicLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PublicLimits.Door door;
		if (!"POST".equals(request.getMethod())) {
			door = PublicLimits.Door.STATUS;
		}
		else if (path.equals("/status")) {
			door = PublicLimits.Door.LOOKUP;
		}
		else {
			door = PublicLimits.Door.STATUS_MESSAGE;
		}
		limits.require(door, request.getRemoteAddr());
		return true;
	}
}
