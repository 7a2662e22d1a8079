package org.ombud.console;

import jakarta.servlet.http.HttpServletRequest;

/** What htmx tells us about a request. */
final class Htmx {

	private Htmx() {
	}

	/**
	 * Whether to answer with a fragment: an htmx request, but not a history restore (htmx then wants the
	 * whole page because its cache missed).
	 */
	static boolean wantsFragment(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"))
				&& !"true".equals(request.getHeader("HX-History-Restore-Request"));
	}
}
