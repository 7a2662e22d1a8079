package org.ombud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.CreatedApiToken;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.shared.Actor;
import org.ombud.shared.Tokens;
import org.ombud.support.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The REST API v1 over real HTTP: what a platform's app sends and what it gets back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTests {

	static final String CASES = "/api/v1/cases";

	static final String NUMBER = "C-\\d{4}-\\d{6,}";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	CaseManagement cases;

	@Autowired
	AgentDirectory directory;

	@Autowired
	JdbcClient jdbc;

	ApiHttp http;

	String token;

	@BeforeEach
	void setUp() {
		http = new ApiHttp(port);
		token = tokens.create("app-" + Tokens.random(4), null).secret();
	}

	static String email() {
		return "api-" + Tokens.random(8).toLowerCase().replaceAll("[^a-z0-9]", "x") + "@example.org";
	}

	static String marker() {
		return "mk" + Tokens.random(9).toLowerCase().replaceAll("[^a-z0-9]", "x");
	}

	static Map<String, Object> evidence(String fileName, byte[] bytes) {
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("fileName", fileName);
		file.put("contentBase64", Base64.getEncoder().encodeToString(bytes));
		return file;
	}

	ApiHttp.Reply open(Map<String, Object> request) {
		return http.post(CASES).token(token).json(request).send();
	}

	String openNumber(Map<String, Object> request) {
		ApiHttp.Reply reply = open(request);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("number").asString();
	}

	long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	List<Long> stored() {
		// conversations rather than messages: a message never comes alone, and automatic replies to earlier
		// cases may still be arriving
		return List.of(count("cases"), count("contacts"), count("conversations"), count("evidence"),
				count("api_idempotency"), count("api_message_idempotency"));
	}

	static void assertProblem(ApiHttp.Reply reply, int status) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		JsonNode problem = reply.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("type").asString()).isNotBlank();
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).startsWith("/api/");
	}

	static List<String> fields(ApiHttp.Reply reply) {
		List<String> fields = new ArrayList<>();
		JsonNode errors = reply.json().path("errors");
		for (JsonNode error : errors) {
			fields.add(error.get("field").asString());
			assertThat(error.get("message").asString()).isNotBlank();
		}
		return fields;
	}

	@Test
	void opensACaseAndAnswersWithItsNumberAddressAndStatusLink() {
		byte[] png = SampleFiles.png();
		Map<String, Object> request = ApiHttp.newCase("A player insults people in room 42\nsecond line", email());
		ApiHttp.complainant(request).put("phone", "+79161234567");
		request.put("evidence", List.of(evidence("shot.png", png)));

		ApiHttp.Reply reply = open(request);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode body = reply.json();
		String number = body.get("number").asString();
		assertThat(number).matches(NUMBER);
		assertThat(reply.headers().getLocation()).hasToString("/api/v1/cases/" + number);
		assertThat(reply.headers().getFirst(CasesApiController.REPLAYED)).isNull();
		assertThat(body.get("status").asString()).isEqualTo("NEW");
		assertThat(body.get("priority").asString()).isEqualTo("NORMAL");
		assertThat(body.get("channel").asString()).isEqualTo("api");
		assertThat(body.get("category").asString()).isEqualTo("content");
		assertThat(body.get("subcategory").asString()).isEqualTo("games");
		assertThat(body.get("team").asString()).isEqualTo("content");
		assertThat(body.get("assignee").isNull()).isTrue();
		assertThat(body.get("subject").asString()).isEqualTo("A player insults people in room 42");
		assertThat(body.get("reportedObject").asString()).isEqualTo("https://social.example/games/room/42");
		assertThat(body.get("locale").asString()).isEqualTo("ru");
		assertThat(body.get("createdAt").asString()).isNotBlank();
		assertThat(body.get("resolvedAt").isNull()).isTrue();
		assertThat(body.get("messages")).hasSize(1);
		assertThat(body.get("messages").get(0).get("direction").asString()).isEqualTo("inbound");
		assertThat(body.get("messages").get(0).get("body").asString())
			.isEqualTo("A player insults people in room 42\nsecond line");
		assertThat(body.get("evidence")).hasSize(1);
		assertThat(body.get("evidence").get(0).get("fileName").asString()).isEqualTo("shot.png");
		assertThat(body.get("evidence").get(0).get("contentType").asString()).isEqualTo("image/png");
		assertThat(body.get("evidence").get(0).get("size").asLong()).isEqualTo(png.length);

		// the status link is the person's private page for this very case
		String statusUrl = body.get("statusUrl").asString();
		assertThat(statusUrl).contains("/status/");
		String statusToken = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
		assertThat(cases.findByStatusToken(statusToken)).map(CaseView::number).contains(number);
	}

	@Test
	void theDocumentedExampleRequestWorks() {
		ApiHttp.Reply reply = http.post(CASES)
			.token(token)
			.json(ApiExamples.NEW_CASE.replace("a@b.example", email()))
			.send();

		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().get("evidence").get(0).get("contentType").asString()).isEqualTo("image/png");
	}

	@Test
	void readsACaseBackWithPublicMessagesButNeverNotes() {
		String number = openNumber(ApiHttp.newCase("Первое сообщение", email()));
		CaseView view = cases.find(number).orElseThrow();
		Agent agent = agent();
		cases.note(view.id(), "internal: looks like a repeat offender", Actor.agent(agent.id()));
		cases.reply(view.id(), "Спасибо, мы разбираемся.", Actor.agent(agent.id()));
		cases.assign(view.id(), agent.id(), Actor.agent(agent.id()));

		ApiHttp.Reply reply = http.get(CASES + "/" + number).token(token).send();

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode body = reply.json();
		assertThat(body.get("number").asString()).isEqualTo(number);
		assertThat(body.has("statusUrl")).as("the status link is shown only once").isFalse();
		assertThat(body.get("assignee").asString()).isEqualTo(agent.username());
		assertThat(body.get("messages")).hasSize(2);
		assertThat(body.get("messages").get(0).get("body").asString()).isEqualTo("Первое сообщение");
		assertThat(body.get("messages").get(1).get("direction").asString()).isEqualTo("outbound");
		assertThat(body.get("messages").get(1).get("body").asString()).isEqualTo("Спасибо, мы разбираемся.");
		assertThat(reply.body()).doesNotContain("repeat offender");
		// case numbers are read forgivingly, as people type them
		assertThat(http.get(CASES + "/" + number.toLowerCase()).token(token).send().status()).isEqualTo(200);
	}

	@Test
	void theComplainantWritesAgainWithEvidence() {
		String number = openNumber(ApiHttp.newCase("first", email()));
		byte[] pdf = SampleFiles.pdf();
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("body", "Вот ещё доказательство 📎");
		message.put("evidence", List.of(evidence("proof.pdf", pdf)));

		ApiHttp.Reply reply = http.post(CASES + "/" + number + "/messages").token(token).json(message).send();

		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().get("direction").asString()).isEqualTo("inbound");
		assertThat(reply.json().get("body").asString()).isEqualTo("Вот ещё доказательство 📎");
		long messageId = reply.json().get("id").asLong();
		JsonNode read = http.get(CASES + "/" + number).token(token).send().json();
		assertThat(read.get("messages")).hasSize(2);
		assertThat(read.get("messages").get(1).get("id").asLong()).isEqualTo(messageId);
		assertThat(read.get("evidence")).hasSize(1);
		assertThat(read.get("evidence").get(0).get("contentType").asString()).isEqualTo("application/pdf");
	}

	@Test
	void aClosedCaseTakesNoMoreMessages() {
		String number = openNumber(ApiHttp.newCase("will be closed", email()));
		CaseView view = cases.find(number).orElseThrow();
		cases.changeStatus(view.id(), CaseStatus.RESOLVED, Actor.SYSTEM);
		cases.changeStatus(view.id(), CaseStatus.CLOSED, Actor.SYSTEM);
		List<Long> before = stored();

		ApiHttp.Reply reply = http.post(CASES + "/" + number + "/messages").token(token).json(Map.of("body", "hello?")).send();

		assertProblem(reply, 409);
		assertThat(reply.json().get("code").asString()).isEqualTo("error.case.closed");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void unknownOrMalformedNumbersAreNotFound() {
		for (String number : List.of("C-1999-999999999", "nonsense", "C-2026-000000", "<script>", "C-2026-12345678901234567890")) {
			ApiHttp.Reply get = http.get(CASES + "/" + number).token(token).send();
			assertProblem(get, 404);
			assertThat(get.json().get("code").asString()).isEqualTo("api.error.case.notFound");
			ApiHttp.Reply post = http.post(CASES + "/" + number + "/messages").token(token).json(Map.of("body", "x")).send();
			assertProblem(post, 404);
		}
	}

	@Test
	void listsCasesWithFiltersAndPages() {
		String marker = marker();
		String content1 = openNumber(ApiHttp.newCase(marker + " one", email()));
		String content2 = openNumber(ApiHttp.newCase(marker + " two", email()));
		Map<String, Object> accountCase = ApiHttp.newCase(marker + " three", email());
		accountCase.put("category", "account");
		accountCase.put("subcategory", "hacked");
		String account = openNumber(accountCase);
		Agent agent = agent();
		cases.assign(cases.find(content2).orElseThrow().id(), agent.id(), Actor.SYSTEM);
		cases.changeStatus(cases.find(content1).orElseThrow().id(), CaseStatus.INVESTIGATING, Actor.SYSTEM);

		JsonNode all = list("?q=" + marker);
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(numbers(all)).containsExactly(account, content2, content1);
		assertThat(all.get("page").asInt()).isZero();
		assertThat(all.get("size").asInt()).isEqualTo(50);
		assertThat(all.get("items").get(0).has("messages")).isFalse();

		assertThat(numbers(list("?q=" + marker + "&category=account"))).containsExactly(account);
		assertThat(numbers(list("?q=" + marker + "&team=accounts"))).containsExactly(account);
		assertThat(numbers(list("?q=" + marker + "&team=content&status=NEW"))).containsExactly(content2);
		assertThat(numbers(list("?q=" + marker + "&status=investigating"))).containsExactly(content1);
		assertThat(numbers(list("?q=" + marker + "&assignee=" + agent.username()))).containsExactly(content2);
		assertThat(numbers(list("?q=" + marker + "&assignee=none"))).containsExactly(account, content1);

		JsonNode first = list("?q=" + marker + "&size=2&page=0");
		JsonNode second = list("?q=" + marker + "&size=2&page=1");
		assertThat(numbers(first)).containsExactly(account, content2);
		assertThat(numbers(second)).containsExactly(content1);
		assertThat(second.get("total").asLong()).isEqualTo(3);
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(list("?q=" + marker + "&size=1000").get("size").asInt()).as("capped").isEqualTo(200);
		assertThat(list("?q=" + marker + "&page=7").get("items")).isEmpty();
	}

	JsonNode list(String query) {
		ApiHttp.Reply reply = http.get(CASES + query).token(token).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	static List<String> numbers(JsonNode page) {
		List<String> numbers = new ArrayList<>();
		page.get("items").forEach(item -> numbers.add(item.get("number").asString()));
		return numbers;
	}

	@Test
	void badListFiltersAreProblemsWithFieldErrors() {
		ApiHttp.Reply reply = http.get(CASES + "?status=LOST&category=nope&team=nobody&assignee=ghost-" + marker()
				+ "&page=-1&size=0")
			.token(token)
			.send();

		assertProblem(reply, 400);
		assertThat(fields(reply)).containsExactlyInAnyOrder("status", "category", "team", "assignee", "page", "size");

		ApiHttp.Reply wrongType = http.get(CASES + "?page=first").token(token).send();
		assertProblem(wrongType, 400);
		assertThat(fields(wrongType)).containsExactly("page");
	}

	@Test
	void aTokenDoesOnlyWhatItsScopesAllow() {
		String reader = tokens.create("reader-" + Tokens.random(4), null,
				java.util.Set.of(org.ombud.identity.ApiScope.CASES_READ, org.ombud.identity.ApiScope.CASES_ALL)).secret();
		String writer = tokens.create("writer-" + Tokens.random(4), null, java.util.Set.of(org.ombud.identity.ApiScope.CASES_WRITE)).secret();
		List<Long> before = stored();

		ApiHttp.Reply refused = http.post(CASES).token(reader).json(ApiHttp.newCase("read only", email())).send();
		assertProblem(refused, 403);
		assertThat(stored()).isEqualTo(before);

		ApiHttp.Reply opened = http.post(CASES).token(writer).json(ApiHttp.newCase("write only", email())).send();
		assertThat(opened.status()).isEqualTo(201);
		String number = opened.json().get("number").asString();
		assertProblem(http.get(CASES + "/" + number).token(writer).send(), 403);
		assertProblem(http.get(CASES).token(writer).send(), 403);
		assertThat(http.get(CASES + "/" + number).token(reader).send().status()).isEqualTo(200);
		assertProblem(http.post(CASES + "/" + number + "/messages").token(reader).json(Map.of("body", "more")).send(), 403);
	}

	@Test
	void withoutCasesAllATokenSeesAndWritesOnlyTheCasesItOpened() {
		java.util.Set<org.ombud.identity.ApiScope> own = java.util.Set.of(org.ombud.identity.ApiScope.CASES_READ,
				org.ombud.identity.ApiScope.CASES_WRITE);
		String first = tokens.create("first-" + Tokens.random(4), null, own).secret();
		String second = tokens.create("second-" + Tokens.random(4), null, own).secret();
		String marker = "owner-" + Tokens.random(6);
		ApiHttp.Reply opened = http.post(CASES).token(first).json(ApiHttp.newCase("mine " + marker, email())).send();
		assertThat(opened.status()).isEqualTo(201);
		String number = opened.json().get("number").asString();

		assertThat(http.get(CASES + "/" + number).token(first).send().status()).isEqualTo(200);
		assertThat(http.get(CASES + "?q=" + marker).token(first).send().json().get("total").asLong()).isEqualTo(1);
		// another token: the same answer as for a number no case has, and an empty list
		assertProblem(http.get(CASES + "/" + number).token(second).send(), 404);
		assertThat(http.get(CASES + "?q=" + marker).token(second).send().json().get("total").asLong()).isZero();
		List<Long> before = stored();
		assertProblem(http.post(CASES + "/" + number + "/messages").token(second).json(Map.of("body", "not mine")).send(), 404);
		assertThat(stored()).isEqualTo(before);
		// a token with cases:all (the platform's back office) sees it
		assertThat(http.get(CASES + "/" + number).token(token).send().status()).isEqualTo(200);
	}

	@Test
	void withoutAValidTokenEverythingIsRefused() {
		CreatedApiToken revoked = tokens.create("revoked-" + Tokens.random(4), null);
		tokens.revoke(revoked.token().id());
		List<Long> before = stored();
		Map<String, Object> request = ApiHttp.newCase("no token", email());

		List<ApiHttp.Reply> replies = List.of(http.post(CASES).json(request).send(),
				http.post(CASES).token("omb_not-a-real-token-at-all").json(request).send(),
				http.post(CASES).token(revoked.secret()).json(request).send(),
				http.post(CASES).header("Authorization", "Basic YWRtaW46dGVzdC1hZG1pbi1wYXNzd29yZA==").json(request).send(),
				http.get(CASES).send(), http.get(CASES + "/C-2026-000001").token(revoked.secret()).send());

		for (ApiHttp.Reply reply : replies) {
			assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.json().get("status").asInt()).isEqualTo(401);
			assertThat(reply.json().get("detail").asString()).isNotBlank();
			assertThat(reply.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
		}
		assertThat(stored()).isEqualTo(before);
	}

	static Stream<Arguments> badRequests() {
		String png = Base64.getEncoder().encodeToString(SampleFiles.png());
		String valid = """
				{"category":"content","description":"d","complainant":{"email":"bad-input@example.org"}%s}""";
		return Stream.of(
				Arguments.of("malformed JSON", "application/json", "{\"category\":\"content\",", 400, List.of()),
				Arguments.of("trailing garbage", "application/json", valid.formatted("") + " {}", 400, List.of()),
				Arguments.of("empty body", "application/json", "", 400, List.of()),
				Arguments.of("JSON null", "application/json", "null", 400, List.of()),
				Arguments.of("an array, not an object", "application/json", "[]", 400, List.of()),
				Arguments.of("form data", "application/x-www-form-urlencoded", "category=content", 415, List.of()),
				Arguments.of("plain text", "text/plain", valid.formatted(""), 415, List.of()),
				Arguments.of("number for text", "application/json",
						"{\"category\":\"content\",\"description\":42,\"complainant\":{\"email\":\"x@example.org\"}}", 400,
						List.of("description")),
				Arguments.of("text for an object", "application/json",
						"{\"category\":\"content\",\"description\":\"d\",\"complainant\":\"me\"}", 400, List.of("complainant")),
				Arguments.of("object for text", "application/json",
						"{\"category\":\"content\",\"description\":\"d\",\"complainant\":{\"email\":{\"a\":1}}}", 400,
						List.of("complainant.email")),
				Arguments.of("object for a list", "application/json", valid.formatted(",\"evidence\":{}"), 400,
						List.of("evidence")),
				Arguments.of("number for a file's content", "application/json",
						valid.formatted(",\"evidence\":[{\"fileName\":\"a.png\",\"contentBase64\":12}]"), 400,
						List.of("evidence[0].contentBase64")),
				Arguments.of("bad base64", "application/json",
						valid.formatted(",\"evidence\":[{\"fileName\":\"a.png\",\"contentBase64\":\"" + png
								+ "\"},{\"fileName\":\"b.png\",\"contentBase64\":\"not base64!\"}]"),
						400, List.of("evidence[1].contentBase64")),
				Arguments.of("file without a name", "application/json",
						valid.formatted(",\"evidence\":[{\"contentBase64\":\"" + png + "\"}]"), 400,
						List.of("evidence[0].fileName")),
				Arguments.of("a script named .png", "application/json",
						valid.formatted(",\"evidence\":[{\"fileName\":\"a.png\",\"contentBase64\":\"" + png
								+ "\"},{\"fileName\":\"x.png\",\"contentBase64\":\""
								+ Base64.getEncoder().encodeToString(SampleFiles.scriptPretendingToBePng()) + "\"}]"),
						400, List.of("evidence[1]")),
				Arguments.of("too many files", "application/json",
						valid.formatted(",\"evidence\":[" + String.join(",",
								java.util.Collections.nCopies(6, "{\"fileName\":\"a.png\",\"contentBase64\":\"" + png + "\"}"))
								+ "]"),
						400, List.of("evidence")),
				Arguments.of("unknown priority", "application/json", valid.formatted(",\"priority\":\"SUPER\""), 400,
						List.of("priority")),
				Arguments.of("unknown priority and bad base64", "application/json",
						valid.formatted(",\"priority\":\"SUPER\",\"evidence\":[{\"fileName\":\"a.png\",\"contentBase64\":\"%%%\"}]"),
						400, List.of("priority", "evidence[0].contentBase64")),
				Arguments.of("no way to reach the person", "application/json",
						"{\"category\":\"content\",\"description\":\"d\",\"complainant\":{\"name\":\"Anon\"}}", 400,
						List.of("complainant.email")),
				Arguments.of("no complainant at all", "application/json", "{\"category\":\"content\",\"description\":\"d\"}",
						400, List.of("complainant.email")),
				Arguments.of("unknown category", "application/json",
						"{\"category\":\"nope\",\"description\":\"d\",\"complainant\":{\"email\":\"x@example.org\"}}", 400,
						List.of("category")),
				Arguments.of("everything wrong at once", "application/json", """
						{"category":"","description":"  ","reportedObject":"a\\u0000b",
						 "complainant":{"email":"not-an-email","phone":"12345","name":"%s"}}""".formatted("x".repeat(201)),
						400, List.of("complainant.email", "complainant.phone", "complainant.name", "description",
								"category", "reportedObject")),
				Arguments.of("unknown subcategory", "application/json",
						valid.formatted(",\"subcategory\":\"hacked\""), 400, List.of("subcategory")),
				Arguments.of("overlong description", "application/json",
						"{\"category\":\"content\",\"description\":\"" + "ж".repeat(10_001)
								+ "\",\"complainant\":{\"email\":\"x@example.org\"}}",
						400, List.of("description")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badInputIsAProblemAndNothingIsStored(String what, String contentType, String body, int status,
			List<String> expectedFields) {
		List<Long> before = stored();

		ApiHttp.Reply reply = http.post(CASES).token(token).header("Idempotency-Key", "bad-" + marker()).raw(contentType, body).send();

		assertProblem(reply, status);
		assertThat(fields(reply)).containsExactlyInAnyOrderElementsOf(expectedFields);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void badMessagesAreProblemsAndNothingIsStored() {
		String number = openNumber(ApiHttp.newCase("for bad messages", email()));
		List<Long> before = stored();
		String path = CASES + "/" + number + "/messages";

		ApiHttp.Reply blank = http.post(path).token(token).json(Map.of("body", "   ")).send();
		assertProblem(blank, 400);
		assertThat(fields(blank)).containsExactly("body");

		ApiHttp.Reply badFile = http.post(path)
			.token(token)
			.json(Map.of("body", "x", "evidence", List.of(evidence("x.png", SampleFiles.scriptPretendingToBePng()))))
			.send();
		assertProblem(badFile, 400);
		assertThat(fields(badFile)).containsExactly("evidence[0]");

		assertProblem(http.post(path).token(token).raw("application/json", "{\"body\":").send(), 400);
		assertProblem(http.post(path).token(token).raw("text/plain", "hello").send(), 415);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void otherMethodsAndFormatsAreProblemsToo() {
		ApiHttp.Reply delete = http.call(HttpMethod.DELETE, CASES).token(token).send();
		assertProblem(delete, 405);
		assertThat(delete.headers().getFirst("Allow")).contains("GET", "POST");

		ApiHttp.Reply xml = http.get(CASES).token(token).header("Accept", "application/xml").send();
		assertProblem(xml, 406);

		ApiHttp.Reply nowhere = http.get("/api/v1/nowhere").token(token).send();
		assertProblem(nowhere, 404);
	}

	@Test
	void badIdempotencyKeysAreRefused() {
		List<Long> before = stored();
		Map<String, Object> request = ApiHttp.newCase("key check", email());
		for (String key : List.of("k".repeat(201), "tab\tinside", "")) {
			ApiHttp.Reply reply = http.post(CASES).token(token).header("Idempotency-Key", key).json(request).send();
			assertProblem(reply, 400);
			assertThat(fields(reply)).containsExactly("Idempotency-Key");
		}
		assertThat(stored()).isEqualTo(before);
		assertThat(http.post(CASES).token(token).header("Idempotency-Key", "k".repeat(200)).json(request).send().status())
			.isEqualTo(201);
	}

	@Test
	void problemsSpeakTheCallersLanguage() {
		Map<String, Object> request = ApiHttp.newCase("язык", "not-an-email");

		JsonNode ru = http.post(CASES).token(token).header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").json(request).send().json();
		JsonNode zh = http.post(CASES).token(token).header("Accept-Language", "zh-CN").json(request).send().json();
		JsonNode en = http.post(CASES).token(token).header("Accept-Language", "en").json(request).send().json();

		assertThat(ru.get("title").asString()).isEqualTo("Неверный запрос");
		assertThat(ru.get("detail").asString()).isEqualTo("Некоторые поля заполнены неверно; подробности в errors.");
		assertThat(ru.get("errors").get(0).get("message").asString()).isEqualTo("Это не похоже на адрес электронной почты.");
		assertThat(zh.get("title").asString()).isEqualTo("请求无效");
		assertThat(en.get("errors").get(0).get("message").asString()).isEqualTo("This is not a valid e-mail address.");
		assertThat(ru.get("errors").get(0).get("code").asString()).isEqualTo("error.email");

		ApiHttp.Reply notFound = http.get(CASES + "/C-1999-999999").token(token).header("Accept-Language", "ru").send();
		assertThat(notFound.json().get("detail").asString()).isEqualTo("Обращения с таким номером нет.");
	}

	@Test
	void textInAnyScriptWithMarkupRoundTripsExactly() {
		String description = "Привет 👋🏽 你好 مرحبا — <script>alert('x')</script> &amp; \"quotes\" \\ back\nline two\t";
		String name = "Zoë 王 <b>bold</b>";
		String reported = "https://social.example/p/<img src=x onerror=alert(1)>?q=ü&r=中";
		Map<String, Object> request = ApiHttp.newCase(description, email());
		ApiHttp.complainant(request).put("name", name);
		request.put("reportedObject", reported);
		String number = openNumber(request);

		String message = "Ещё 🧪 <iframe src=\"javascript:alert(1)\"></iframe> 𝔘𝔫𝔦𝔠𝔬𝔡𝔢";
		assertThat(http.post(CASES + "/" + number + "/messages").token(token).json(Map.of("body", message)).send().status())
			.isEqualTo(201);

		JsonNode read = http.get(CASES + "/" + number).token(token).send().json();
		assertThat(read.get("messages").get(0).get("body").asString()).isEqualTo(description);
		assertThat(read.get("messages").get(1).get("body").asString()).isEqualTo(message);
		assertThat(read.get("reportedObject").asString()).isEqualTo(reported);
		assertThat(read.get("subject").asString()).isEqualTo("Привет 👋🏽 你好 مرحبا — <script>alert('x')</script> &amp; \"quotes\" \\ back");
		assertThat(numbers(list("?q=" + "👋🏽 你好"))).contains(number);
	}

	Agent agent() {
		return directory.create(new NewAgent("api-" + Tokens.random(6).toLowerCase().replaceAll("[^a-z0-9]", "x"),
				"Agent Api", null, "correct-horse-battery", Role.DUTY_AGENT, "en", Set.of()));
	}
}
