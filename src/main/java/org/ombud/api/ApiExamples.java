package org.ombud.api;

/** Request and response examples shown in the OpenAPI document. */
final class ApiExamples {

	private ApiExamples() {
	}

	static final String NEW_CASE = """
			{
			  "category": "content",
			  "subcategory": "games",
			  "description": "Игрок оскорбляет других в чате комнаты 42\\nA player keeps insulting people in the chat of room 42.",
			  "reportedObject": "https://social.example/games/room/42",
			  "priority": "NORMAL",
			  "complainant": {
			    "name": "Ирина 王",
			    "email": "a@b.example",
			    "phone": "+79161234567",
			    "platformUserId": "u-123",
			    "locale": "ru"
			  },
			  "evidence": [
			    {
			      "fileName": "shot.png",
			      "contentBase64": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
			    }
			  ]
			}""";

	static final String CREATED_CASE = """
			{
			  "number": "C-2026-000123",
			  "status": "NEW",
			  "priority": "NORMAL",
			  "channel": "api",
			  "category": "content",
			  "subcategory": "games",
			  "team": "content",
			  "assignee": null,
			  "subject": "Игрок оскорбляет других в чате комнаты 42",
			  "reportedObject": "https://social.example/games/room/42",
			  "locale": "ru",
			  "createdAt": "2026-03-14T09:26:53.589Z",
			  "updatedAt": "2026-03-14T09:26:53.589Z",
			  "resolvedAt": null,
			  "closedAt": null,
			  "statusUrl": "https://desk.example/status/q8Jd2kR0xW5mZ1pL7vT3nY9cB4hF6gA2",
			  "messages": [
			    {
			      "id": 4711,
			      "direction": "inbound",
			      "body": "Игрок оскорбляет других в чате комнаты 42\\nA player keeps insulting people in the chat of room 42.",
			      "createdAt": "2026-03-14T09:26:53.589Z"
			    }
			  ],
			  "evidence": [
			    { "id": 17, "fileName": "shot.png", "contentType": "image/png", "size": 70 }
			  ],
			  "clocks": [
			    { "stage": "TRIAGE", "state": "RUNNING", "target": "PT24H", "startedAt": "2026-03-14T09:26:53.589Z",
			      "warnAt": "2026-03-15T03:26:53.589Z", "dueAt": "2026-03-15T09:26:53.589Z", "remaining": null,
			      "stoppedAt": null },
			    { "stage": "RESULT", "state": "RUNNING", "target": "PT72H", "startedAt": "2026-03-14T09:26:53.589Z",
			      "warnAt": "2026-03-16T15:26:53.589Z", "dueAt": "2026-03-17T09:26:53.589Z", "remaining": null,
			      "stoppedAt": null },
			    { "stage": "ACKNOWLEDGEMENT", "state": "MET", "target": "PT0S", "startedAt": "2026-03-14T09:26:53.589Z",
			      "warnAt": null, "dueAt": "2026-03-14T09:26:53.589Z", "remaining": null,
			      "stoppedAt": "2026-03-14T09:26:53.589Z" }
			  ],
			  "breaches": []
			}""";

	static final String CASE = """
			{
			  "number": "C-2026-000123",
			  "status": "AWAITING_COMPLAINANT",
			  "priority": "NORMAL",
			  "channel": "api",
			  "category": "content",
			  "subcategory": "games",
			  "team": "content",
			  "assignee": "anna",
			  "subject": "Игрок оскорбляет других в чате комнаты 42",
			  "reportedObject": "https://social.example/games/room/42",
			  "locale": "ru",
			  "createdAt": "2026-03-14T09:26:53.589Z",
			  "updatedAt": "2026-03-14T11:02:10.120Z",
			  "resolvedAt": null,
			  "closedAt": null,
			  "messages": [
			    {
			      "id": 4711,
			      "direction": "inbound",
			      "body": "Игрок оскорбляет других в чате комнаты 42\\nA player keeps insulting people in the chat of room 42.",
			      "createdAt": "2026-03-14T09:26:53.589Z"
			    },
			    {
			      "id": 4790,
			      "direction": "outbound",
			      "body": "Спасибо! Пришлите, пожалуйста, время, когда это произошло.",
			      "createdAt": "2026-03-14T11:02:10.120Z"
			    }
			  ],
			  "evidence": [
			    { "id": 17, "fileName": "shot.png", "contentType": "image/png", "size": 70 }
			  ],
			  "clocks": [
			    { "stage": "INVESTIGATION", "state": "PAUSED", "target": "PT48H", "startedAt": "2026-03-14T10:05:00Z",
			      "warnAt": null, "dueAt": null, "remaining": "PT47H3M", "stoppedAt": null },
			    { "stage": "RESULT", "state": "PAUSED", "target": "PT72H", "startedAt": "2026-03-14T09:26:53.589Z",
			      "warnAt": null, "dueAt": null, "remaining": "PT70H24M", "stoppedAt": null },
			    { "stage": "TRIAGE", "state": "BREACHED", "target": "PT30M", "startedAt": "2026-03-14T09:26:53.589Z",
			      "warnAt": "2026-03-14T09:49:23.589Z", "dueAt": "2026-03-14T09:56:53.589Z", "remaining": null,
			      "stoppedAt": "2026-03-14T10:05:00Z" }
			  ],
			  "breaches": [
			    { "stage": "TRIAGE", "dueAt": "2026-03-14T09:56:53.589Z", "detectedAt": "2026-03-14T09:56:53.702Z" }
			  ]
			}""";

	static final String CASE_LIST = """
			{
			  "items": [
			    {
			      "number": "C-2026-000123",
			      "status": "NEW",
			      "priority": "NORMAL",
			      "channel": "api",
			      "category": "content",
			      "subcategory": "games",
			      "team": "content",
			      "assignee": null,
			      "subject": "Игрок оскорбляет других в чате комнаты 42",
			      "reportedObject": "https://social.example/games/room/42",
			      "locale": "ru",
			      "createdAt": "2026-03-14T09:26:53.589Z",
			      "updatedAt": "2026-03-14T09:26:53.589Z",
			      "resolvedAt": null,
			      "closedAt": null
			    }
			  ],
			  "page": 0,
			  "size": 50,
			  "total": 1
			}""";

	static final String NEW_MESSAGE = """
			{
			  "body": "Это было вчера около 21:00 — вот ещё один скриншот.",
			  "evidence": [
			    {
			      "fileName": "second.png",
			      "contentBase64": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
			    }
			  ]
			}""";

	static final String MESSAGE = """
			{
			  "id": 4801,
			  "direction": "inbound",
			  "body": "Это было вчера около 21:00 — вот ещё один скриншот.",
			  "createdAt": "2026-03-14T12:15:00.000Z"
			}""";

	static final String VALIDATION_PROBLEM = """
			{
			  "type": "urn:ombud:problem:validation",
			  "title": "Invalid request",
			  "status": 400,
			  "detail": "Some fields are not valid; see errors.",
			  "instance": "/api/v1/cases",
			  "code": "api.error.validation",
			  "errors": [
			    { "field": "complainant.email", "code": "error.email", "message": "This is not a valid e-mail address." },
			    { "field": "evidence[0].contentBase64", "code": "api.error.base64", "message": "This is not valid Base64." }
			  ]
			}""";

	static final String LIST_VALIDATION_PROBLEM = """
			{
			  "type": "urn:ombud:problem:validation",
			  "title": "Invalid request",
			  "status": 400,
			  "detail": "Some fields are not valid; see errors.",
			  "instance": "/api/v1/cases",
			  "code": "api.error.validation",
			  "errors": [
			    { "field": "status", "code": "api.error.oneOf", "message": "Must be one of: NEW, TRIAGED, INVESTIGATING, AWAITING_COMPLAINANT, RESOLVED, CLOSED." },
			    { "field": "team", "code": "error.team.unknown", "message": "There is no such team." }
			  ]
			}""";

	static final String MALFORMED_PROBLEM = """
			{
			  "type": "urn:ombud:problem:malformed-request",
			  "title": "Malformed request",
			  "status": 400,
			  "detail": "The request body is not valid JSON.",
			  "instance": "/api/v1/cases",
			  "code": "api.error.json"
			}""";

	static final String UNAUTHORIZED_PROBLEM = """
			{
			  "title": "Unauthorized",
			  "status": 401,
			  "detail": "A valid API token is required: Authorization: Bearer <token>.",
			  "instance": "/api/v1/cases"
			}""";

	static final String NOT_FOUND_PROBLEM = """
			{
			  "type": "urn:ombud:problem:not-found",
			  "title": "Not found",
			  "status": 404,
			  "detail": "There is no case with this number.",
			  "instance": "/api/v1/cases/C-2026-999999",
			  "code": "api.error.case.notFound"
			}""";

	static final String CLOSED_PROBLEM = """
			{
			  "type": "urn:ombud:problem:case-closed",
			  "title": "Case closed",
			  "status": 409,
			  "detail": "This case is closed and takes no more messages.",
			  "instance": "/api/v1/cases/C-2026-000123/messages",
			  "code": "error.case.closed"
			}""";

	static final String TOO_LARGE_PROBLEM = """
			{
			  "type": "urn:ombud:problem:payload-too-large",
			  "title": "Request too large",
			  "status": 413,
			  "detail": "The request body is larger than 69 MB.",
			  "instance": "/api/v1/cases",
			  "code": "api.error.tooLarge"
			}""";

	static final String MEDIA_TYPE_PROBLEM = """
			{
			  "type": "urn:ombud:problem:unsupported-media-type",
			  "title": "Unsupported media type",
			  "status": 415,
			  "detail": "Send the request body as application/json.",
			  "instance": "/api/v1/cases",
			  "code": "api.error.mediaType"
			}""";

	static final String IDEMPOTENCY_PROBLEM = """
			{
			  "type": "urn:ombud:problem:idempotency-key-reused",
			  "title": "Idempotency-Key reused",
			  "status": 422,
			  "detail": "This Idempotency-Key was already used for a different request.",
			  "instance": "/api/v1/cases",
			  "code": "error.idempotency.mismatch"
			}""";
}
