package org.ombud.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.QueueFilter;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.ApiClient;
import org.ombud.identity.ApiScope;
import org.springframework.security.core.context.SecurityContextHolder;
import org.ombud.identity.Team;
import org.ombud.shared.Page;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST v1: cases for the platform's app and for integrators. */
@RestController
@RequestMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "Open cases for the platform's users, follow them and write on them.")
@SecurityRequirement(name = ApiDocumentation.BEARER)
class CasesApiController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	static final int MAX_IDEMPOTENCY_KEY = 200;

	static final int MAX_QUERY = 200;

	/** The assignee filter's value for cases nobody has taken yet. */
	static final String UNASSIGNED = "none";

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final ApiCases api;

	private final CaseManagement cases;

	private final CaseRepresentations representations;

	private final Categories categories;

	private final AgentDirectory directory;

	CasesApiController(ApiCases api, CaseManagement cases, CaseRepresentations representations,
			Categories categories, AgentDirectory directory) {
		this.api = api;
		this.cases = cases;
		this.representations = representations;
		this.categories = categories;
		this.directory = directory;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "openCase", summary = "Open a case",
			description = """
					Opens a case for a user of the platform and answers with its number at once. The case is routed to \
					its category's team. The response carries `statusUrl`, the person's private status page: it is \
					shown only in this response.

					**Idempotency.** Send an `Idempotency-Key` header (1–200 printable ASCII characters, unique per \
					token) to make retries safe: a repeated request with the same key and the same body creates nothing \
					and answers `200 OK` with the first request's case and the header `Idempotent-Replayed: true` — \
					without `statusUrl`, which is not stored. The same key with a different body is refused with 422. \
					Requests that race with one key create one case; all of them answer with it.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = NewCaseRequest.class),
							examples = @ExampleObject(name = "complaint", summary = "A complaint with a screenshot",
									value = ApiExamples.NEW_CASE))),
			parameters = @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
					description = "Makes retries safe: one key, one case.", example = "3f1c2a9e-7b7d-4c1e-9a55-0d6f5b1e2c44",
					schema = @Schema(type = "string", maxLength = MAX_IDEMPOTENCY_KEY)),
			responses = {
					@ApiResponse(responseCode = "201", description = "Case opened.",
							headers = @Header(name = "Location", description = "The case's address.",
									schema = @Schema(type = "string", example = "/api/v1/cases/C-2026-000123")),
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = CaseResource.class),
									examples = @ExampleObject(name = "opened", value = ApiExamples.CREATED_CASE))),
					@ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same "
							+ "Idempotency-Key and body: that request's case, without statusUrl.",
							headers = {
									@Header(name = REPLAYED, description = "Always true on a replay.",
											schema = @Schema(type = "string", example = "true")),
									@Header(name = "Location", description = "The case's address.",
											schema = @Schema(type = "string")) },
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = CaseResource.class))),
					@ApiResponse(responseCode = "400", description = "Invalid fields, malformed JSON, wrong types or bad Base64.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = { @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM),
											@ExampleObject(name = "malformed", value = ApiExamples.MALFORMED_PROBLEM) })),
					@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED),
					@ApiResponse(responseCode = "413", description = "The body is larger than the evidence limits allow.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = @ExampleObject(name = "tooLarge", value = ApiExamples.TOO_LARGE_PROBLEM))),
					@ApiResponse(responseCode = "415", description = "The body is not application/json.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = @ExampleObject(name = "mediaType", value = ApiExamples.MEDIA_TYPE_PROBLEM))),
					@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = @ExampleObject(name = "idempotency", value = ApiExamples.IDEMPOTENCY_PROBLEM))) })
	ResponseEntity<CaseResource> open(@Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
			@Parameter(hidden = true) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
			@RequestBody NewCaseRequest request) {
		checkIdempotencyKey(key);
		ApiCases.Outcome<CaseView> outcome = api.open(client, key, request);
		CaseResource body = outcome.receipt() != null ? representations.fresh(outcome.receipt())
				: representations.full(outcome.value(), outcome.statusToken());
		URI location = URI.create("/api/v1/cases/" + body.number());
		if (outcome.replayed()) {
			return ResponseEntity.ok().location(location).header(REPLAYED, "true").body(body);
		}
		return ResponseEntity.created(location).body(body);
	}

	@GetMapping("/{number}")
	@Operation(operationId = "getCase", summary = "Read a case",
			description = "The case with its public messages (never internal notes) and its evidence.",
			responses = {
					@ApiResponse(responseCode = "200", description = "The case.",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = CaseResource.class),
									examples = @ExampleObject(name = "case", value = ApiExamples.CASE))),
					@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED),
					@ApiResponse(responseCode = "404", description = "No case has this number (or it is not a case number), or this token may not see it.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = @ExampleObject(name = "notFound", value = ApiExamples.NOT_FOUND_PROBLEM))) })
	CaseResource get(@Parameter(description = "The case number.", example = "C-2026-000123") @PathVariable String number) {
		return representations.full(find(number), null);
	}

	@PostMapping(path = "/{number}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "writeOnCase", summary = "Add the complainant's message to a case",
			description = """
					The complainant writes again through the app, optionally with more evidence. A case waiting for \
					them, or resolved, goes back to investigating; a closed case takes no more messages (409). \
					Honours `Idempotency-Key` like opening a case: a replay answers `200 OK` with the first message \
					and `Idempotent-Replayed: true`.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = NewMessageRequest.class),
							examples = @ExampleObject(name = "message", value = ApiExamples.NEW_MESSAGE))),
			parameters = @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
					description = "Makes retries safe: one key, one message.",
					schema = @Schema(type = "string", maxLength = MAX_IDEMPOTENCY_KEY)),
			responses = {
					@ApiResponse(responseCode = "201", description = "Message stored.",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = MessageResource.class),
									examples = @ExampleObject(name = "message", value = ApiExamples.MESSAGE))),
					@ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same "
							+ "Idempotency-Key and body: that request's message.",
							headers = @Header(name = REPLAYED, schema = @Schema(type = "string", example = "true")),
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = MessageResource.class))),
					@ApiResponse(responseCode = "400", description = "Empty or overlong body, bad evidence, malformed JSON.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM))),
					@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED),
					@ApiResponse(responseCode = "404", description = "No case has this number.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = @ExampleObject(name = "notFound", value = ApiExamples.NOT_FOUND_PROBLEM))),
					@ApiResponse(responseCode = "409", description = "The case is closed.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = @ExampleObject(name = "closed", value = ApiExamples.CLOSED_PROBLEM))),
					@ApiResponse(responseCode = "413", description = "The body is larger than the evidence limits allow.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class))),
					@ApiResponse(responseCode = "415", description = "The body is not application/json.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class))),
					@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = @ExampleObject(name = "idempotency", value = ApiExamples.IDEMPOTENCY_PROBLEM))) })
	ResponseEntity<MessageResource> write(@Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
			@Parameter(hidden = true) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
			@Parameter(description = "The case number.", example = "C-2026-000123") @PathVariable String number,
			@RequestBody NewMessageRequest request) {
		checkIdempotencyKey(key);
		CaseView target = find(number);
		ApiCases.Outcome<org.ombud.conversations.Message> outcome = api.write(client, key, target, request);
		MessageResource body = MessageResource.of(outcome.value());
		if (outcome.replayed()) {
			return ResponseEntity.ok().header(REPLAYED, "true").body(body);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	@GetMapping
	@Operation(operationId = "listCases", summary = "List cases",
			description = "Cases matching every given filter, newest first, one page at a time.",
			responses = {
					@ApiResponse(responseCode = "200", description = "One page of cases.",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = CaseList.class),
									examples = @ExampleObject(name = "page", value = ApiExamples.CASE_LIST))),
					@ApiResponse(responseCode = "400", description = "Unknown status, category, team or assignee, or bad paging.",
							content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ApiProblem.class),
									examples = @ExampleObject(name = "validation", value = ApiExamples.LIST_VALIDATION_PROBLEM))),
					@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED) })
	CaseList list(
			@Parameter(description = "Only cases in this status.", example = "NEW",
					schema = @Schema(allowableValues = { "NEW", "TRIAGED", "INVESTIGATING", "AWAITING_COMPLAINANT",
							"RESOLVED", "CLOSED" })) @RequestParam(required = false) String status,
			@Parameter(description = "Only cases of this category (key).", example = "content") @RequestParam(required = false) String category,
			@Parameter(description = "Only cases routed to this team (key).", example = "content") @RequestParam(required = false) String team,
			@Parameter(description = "Only cases of this agent (user name); `none` for unassigned cases.",
					example = "anna") @RequestParam(required = false) String assignee,
			@Parameter(description = "Text in the subject, number, reported object or public messages.",
					example = "room 42") @RequestParam(required = false) String q,
			@Parameter(description = "Page number, from 0.", schema = @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0"))
			@RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Cases per page; more than 200 gives 200.",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "200", defaultValue = "50"))
			@RequestParam(defaultValue = "50") int size) {
		List<Rejection> problems = new ArrayList<>();
		CaseStatus statusFilter = null;
		if (status != null && !status.isBlank()) {
			try {
				statusFilter = CaseStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.add(Rejection.of("status", "api.error.oneOf",
						Arrays.stream(CaseStatus.values()).map(Enum::name).collect(Collectors.joining(", "))));
			}
		}
		Long categoryId = null;
		if (category != null && !category.isBlank()) {
			categoryId = categories.byKey(category.strip()).map(Category::id).orElse(null);
			if (categoryId == null) {
				problems.add(Rejection.of("category", "error.category.unknown"));
			}
		}
		Long teamId = null;
		if (team != null && !team.isBlank()) {
			teamId = directory.teamByKey(team.strip()).map(Team::id).orElse(null);
			if (teamId == null) {
				problems.add(Rejection.of("team", "error.team.unknown"));
			}
		}
		Long assigneeId = null;
		if (assignee != null && !assignee.isBlank()) {
			assigneeId = directory.agentByUsername(assignee.strip().toLowerCase(Locale.ROOT))
				.map(Agent::id)
				.orElse(UNASSIGNED.equalsIgnoreCase(assignee.strip()) ? 0L : null);
			if (assigneeId == null) {
				problems.add(Rejection.of("assignee", "error.agent.unknown"));
			}
		}
		if (q != null && q.length() > MAX_QUERY) {
			problems.add(Rejection.of("q", "error.length", 0, MAX_QUERY));
		}
		if (page < 0) {
			problems.add(Rejection.of("page", "api.error.min", 0));
		}
		if (size < 1) {
			problems.add(Rejection.of("size", "api.error.min", 1));
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		QueueFilter filter = new QueueFilter(teamId, statusFilter, categoryId, assigneeId, q, false);
		ApiClient client = client();
		if (!client.scopes().contains(ApiScope.CASES_ALL)) {
			filter = filter.openedBy(client.tokenId());
		}
		Page<CaseView> result = cases.queue(filter, new Page.Request(page, size));
		return new CaseList(representations.summaries(result.items()), result.page(), result.size(), result.total());
	}

	/**
	 * The case, if this token may see it: its own cases, or every case with {@code cases:all}. Someone else's case
	 * is "not found", the same as a number no case has.
	 */
	private CaseView find(String number) {
		ApiClient client = client();
		return cases.find(number)
			.filter(c -> client.scopes().contains(ApiScope.CASES_ALL)
					|| cases.openingToken(c.id()).filter(t -> t == client.tokenId()).isPresent())
			.orElseThrow(ApiException::caseNotFound);
	}

	private static ApiClient client() {
		if (SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof ApiClient client) {
			return client;
		}
		throw ApiException.caseNotFound();
	}

	// printable ASCII only: keys end up in logs and in a varchar(200) column
	private static void checkIdempotencyKey(String key) {
		if (key != null && (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY
				|| key.chars().anyMatch(c -> c < 0x20 || c > 0x7e))) {
			throw Rejected.of(IDEMPOTENCY_KEY, "api.error.idempotencyKey", MAX_IDEMPOTENCY_KEY);
		}
	}
}
