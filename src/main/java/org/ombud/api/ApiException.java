package org.ombud.api;

import org.springframework.http.HttpStatus;

/** A refusal raised by the API layer itself, answered as a problem of the given kind. */
class ApiException extends RuntimeException {

	private final ProblemKind kind;

	private final String messageKey;

	private final transient Object[] args;

	ApiException(ProblemKind kind, String messageKey, Object... args) {
		super(messageKey);
		this.kind = kind;
		this.messageKey = messageKey;
		this.args = args;
	}

	static ApiException caseNotFound() {
		return new ApiException(ProblemKind.NOT_FOUND, "api.error.case.notFound");
	}

	static ApiException idempotencyMismatch() {
		return new ApiException(ProblemKind.IDEMPOTENCY_MISMATCH, "error.idempotency.mismatch");
	}

	ProblemKind kind() {
		return kind;
	}

	String messageKey() {
		return messageKey;
	}

	Object[] args() {
		return args;
	}

	/** The kinds of problem the API answers with: status, type URI and the key of the localised title. */
	enum ProblemKind {

		VALIDATION(HttpStatus.BAD_REQUEST, "validation"),
		MALFORMED(HttpStatus.BAD_REQUEST, "malformed-request"),
		NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
		METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),
		NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),
		CASE_CLOSED(HttpStatus.CONFLICT, "case-closed"),
		PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
		UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
		IDEMPOTENCY_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused"),
		INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");

		static final String TYPE_PREFIX = "urn:ombud:problem:";

		private final HttpStatus status;

		private final String slug;

		ProblemKind(HttpStatus status, String slug) {
			this.status = status;
			this.slug = slug;
		}

		HttpStatus status() {
			return status;
		}

		String type() {
			return TYPE_PREFIX + slug;
		}

		String titleKey() {
			return "api.problem." + slug;
		}
	}
}
