package org.ombud.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.ombud.api.ApiException.ProblemKind;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the API as an RFC 9457 problem: a type, a localised title and detail (Accept-Language), the
 * request path, the message key as {@code code}, and for invalid input the fields in JSON-path form. Never a 500
 * for bad input.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Rejected.class)
	ResponseEntity<Object> rejected(Rejected rejected, HttpServletRequest request) {
		List<Rejection> all = rejected.rejections();
		if (all.stream().anyMatch(r -> "error.case.closed".equals(r.messageKey()))) {
			return problem(ProblemKind.CASE_CLOSED, "error.case.closed", new Object[0], null, request.getRequestURI(),
					null);
		}
		Locale locale = LocaleContextHolder.getLocale();
		List<ApiProblem.FieldProblem> errors = all.stream()
			.filter(r -> r.field() != null)
			.map(r -> new ApiProblem.FieldProblem(r.field(), r.messageKey(),
					message(r.messageKey(), r.args().toArray(), locale)))
			.toList();
		List<Rejection> general = all.stream().filter(r -> r.field() == null).toList();
		if (general.isEmpty()) {
			return problem(ProblemKind.VALIDATION, "api.error.validation", new Object[0], errors,
					request.getRequestURI(), null);
		}
		// refusals of the request as a whole say why in the detail
		String detail = general.stream()
			.map(r -> message(r.messageKey(), r.args().toArray(), locale))
			.collect(Collectors.joining(" "));
		return problem(ProblemKind.VALIDATION, general.get(0).messageKey(), detail, errors.isEmpty() ? null : errors,
				request.getRequestURI(), null);
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> refused(ApiException e, HttpServletRequest request) {
		return problem(e.kind(), e.messageKey(), e.args(), null, request.getRequestURI(), null);
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Object> notFound(NotFound e, HttpServletRequest request) {
		return problem(ProblemKind.NOT_FOUND, "error.notFound", new Object[0], null, request.getRequestURI(), null);
	}

	/** A header or parameter the firewall refuses when it is read (e.g. a control character in a header value). */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> rejectedByFirewall(RequestRejectedException e, HttpServletRequest request) {
		return problem(ProblemKind.MALFORMED, "error.badRequest", new Object[0], null, request.getRequestURI(), null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
		log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
		return problem(ProblemKind.INTERNAL, "api.error.internal", new Object[0], null, request.getRequestURI(), null);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestSizeLimit.TooLarge tooLarge = cause(ex, RequestSizeLimit.TooLarge.class);
		if (tooLarge != null) {
			double megabytes = Math.round(tooLarge.maxBytes() * 10.0 / (1024 * 1024)) / 10.0;
			return problem(ProblemKind.PAYLOAD_TOO_LARGE, "api.error.tooLarge", new Object[] { megabytes }, null,
					path(request), headers);
		}
		JacksonException json = cause(ex, JacksonException.class);
		if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = jsonPath(mismatch);
			Locale locale = LocaleContextHolder.getLocale();
			List<ApiProblem.FieldProblem> errors = List
				.of(new ApiProblem.FieldProblem(field, "api.error.type", message("api.error.type", null, locale)));
			return problem(ProblemKind.VALIDATION, "api.error.validation", new Object[0], errors, path(request),
					headers);
		}
		if (json == null && ex.getCause() == null && String.valueOf(ex.getMessage()).startsWith("Required request body")) {
			return problem(ProblemKind.MALFORMED, "api.error.body.missing", new Object[0], null, path(request), headers);
		}
		return problem(ProblemKind.MALFORMED, "api.error.json", new Object[0], null, path(request), headers);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
				? m.getName() : ex.getPropertyName();
		Locale locale = LocaleContextHolder.getLocale();
		List<ApiProblem.FieldProblem> errors = List
			.of(new ApiProblem.FieldProblem(field, "api.error.type", message("api.error.type", null, locale)));
		return problem(ProblemKind.VALIDATION, "api.error.validation", new Object[0], errors, path(request), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "api.error.mediaType", new Object[0], null, path(request),
				headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ProblemKind.NOT_ACCEPTABLE, "api.error.notAcceptable", new Object[0], null, path(request),
				headers);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(
			org.springframework.web.servlet.resource.NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(ProblemKind.NOT_FOUND, "error.notFound", new Object[0], null, path(request), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String allowed = ex.getSupportedHttpMethods() == null ? ""
				: ex.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
		return problem(ProblemKind.METHOD_NOT_ALLOWED, "api.error.method", new Object[] { ex.getMethod(), allowed },
				null, path(request), headers);
	}

	/** Everything else Spring MVC refuses (missing parameters, unreadable headers…): its status, a generic detail. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		String title = status == null ? String.valueOf(statusCode.value()) : status.getReasonPhrase();
		String key = statusCode.is5xxServerError() ? "api.error.internal" : "api.error.request";
		if (statusCode.is5xxServerError()) {
			log.error("API request {} failed", path(request), ex);
		}
		ApiProblem problem = new ApiProblem(URI.create("about:blank"), title, statusCode.value(),
				message(key, null, locale), URI.create(path(request)), key, null);
		return ResponseEntity.status(statusCode)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private ResponseEntity<Object> problem(ProblemKind kind, String key, Object[] args,
			List<ApiProblem.FieldProblem> errors, String path, HttpHeaders headers) {
		return problem(kind, key, message(key, args, LocaleContextHolder.getLocale()), errors, path, headers);
	}

	private ResponseEntity<Object> problem(ProblemKind kind, String key, String detail,
			List<ApiProblem.FieldProblem> errors, String path, HttpHeaders headers) {
		Locale locale = LocaleContextHolder.getLocale();
		ApiProblem problem = new ApiProblem(URI.create(kind.type()), message(kind.titleKey(), null, locale),
				kind.status().value(), detail, URI.create(path), key, errors);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(kind.status());
		if (headers != null) {
			response.headers(headers);
		}
		return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String message(String key, Object[] args, Locale locale) {
		return messages.getMessage(key, args, key, locale);
	}

	private static String path(WebRequest request) {
		HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		return servlet == null ? "/" : servlet.getRequestURI();
	}

	/** The JSON path of the value Jackson could not read: {@code complainant.email}, {@code evidence[0].fileName}. */
	static String jsonPath(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
		List<Throwable> seen = new ArrayList<>();
		for (Throwable t = e; t != null && !seen.contains(t); t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			seen.add(t);
		}
		return null;
	}
}
