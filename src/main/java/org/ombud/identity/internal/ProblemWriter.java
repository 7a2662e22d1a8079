package org.ombud.identity.internal;

import java.io.IOException;
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
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		if (challenge != null) {
			response.setHeader("WWW-Authenticate", challenge);
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
