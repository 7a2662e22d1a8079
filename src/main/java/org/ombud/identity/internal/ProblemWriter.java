package org.ombud.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problems for requests the security filters refuse before any controller runs. */
@Component
class ProblemWriter {

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemWriter(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey,
			String challenge) throws IOException {
		Locale locale = request.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(messageKey, null, messageKey, locale));
		problem.setTitle(status.getReasonPhrase());
		// the same shape as the API's own problems: a stable type and the message key as code
		problem.setType(URI.create("urn:ombud:problem:" + switch (status) {
			case UNAUTHORIZED -> "unauthorized";
			case FORBIDDEN -> "forbidden";
			default -> "malformed-request";
		}));
		problem.setProperty("code", messageKey);
		try {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		catch (IllegalArgumentException e) {
			// a path the firewall refused may not even be a URI; the problem goes without it
		}
		response.setStatus(status.value());
		if (challenge != null) {
			response.setHeader("WWW-Authenticate", challenge);
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
