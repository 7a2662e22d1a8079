package org.ombud.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.ombud.identity.AgentPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /console/live}: the event stream of one console tab (see {@link LiveStreams}). Logged-in agents only;
 * without a session it answers 401, never the login page, so the browser's EventSource gives up instead of
 * reconnecting in a loop.
 */
@Controller
class LiveController {

	private final LiveStreams streams;

	LiveController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/console/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter live(@AuthenticationPrincipal AgentPrincipal me, HttpServletRequest request,
			HttpServletResponse response) {
		// no proxy may cache or hold back the stream
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Accel-Buffering", "no");
		HttpSession session = request.getSession(false);
		return streams.open(me, session == null ? null : session.getId());
	}
}
