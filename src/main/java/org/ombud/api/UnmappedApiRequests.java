package org.ombud.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Problems for API requests that never reach an API controller: a path that does not exist, a method, body type or
 * response type no operation takes. Spring refuses these before it knows the controller, so the advice scoped to
 * this package never sees them; this resolver answers them the same way, and only under {@code /api/}.
 */
@Component
class UnmappedApiRequests implements HandlerExceptionResolver, Ordered {

	private final ApiProblems problems;

	private final JsonMapper json;

	UnmappedApiRequests(ApiProblems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@Override
	public int getOrder() {
		// ahead of the default resolvers, which would answer with the application-wide problem format
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		boolean unmapped = ex instanceof HttpRequestMethodNotSupportedException
				|| ex instanceof HttpMediaTypeNotSupportedException || ex instanceof HttpMediaTypeNotAcceptableException
				|| ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException;
		if (!unmapped || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| response.isCommitted()) {
			return null;
		}
		try {
			ResponseEntity<Object> entity = problems.handleException(ex, new ServletWebRequest(request, response));
			if (entity == null) {
				return null;
			}
			response.setStatus(entity.getStatusCode().value());
			HttpHeaders headers = entity.getHeaders();
			headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), entity.getBody());
			return new ModelAndView();
		}
		catch (IOException e) {
			// the client went away while we answered; there is nobody left to tell
			return new ModelAndView();
		}
		catch (Exception e) {
			return null;
		}
	}
}
