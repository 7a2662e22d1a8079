package org.ombud.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.BeforeEach;
import org.ombud.identity.ApiTokens;
import org.ombud.shared.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Fuzzes the doors anyone can knock on: the complaint form, the status pages and the REST API. Whatever
 * arrives, the answer is never a server error, and a refused request stores nothing. A normal test run replays
 * the inputs kept under {@code src/test/resources/org/ombud/fuzz/PublicSurfaceFuzzTestsInputs}; {@code
 * JAZZER_FUZZ=1} fuzzes for real (see {@code bench/fuzz.sh}).
 */
@SpringBootTest(properties = "ombud.telegram.api-url=http://127.0.0.1:9")
@AutoConfigureMockMvc
class PublicSurfaceFuzzTests {

	private static final List<String> CATEGORIES = List.of("content", "account", "privacy", "other", "", "nope");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	private static String token;

	@BeforeEach
	void token() {
		if (token == null) {
			token = tokens.create("fuzz-" + Tokens.random(4), null).secret();
		}
	}

	/** Rows a request could add; a refused request must leave all of them as they were. */
	private long stored() {
		return jdbc.sql("""
				select (select count(*) from cases) + (select count(*) from messages) + (select count(*) from evidence)
				     + (select count(*) from contacts)""").query(Long.class).single();
	}

	private MockHttpServletResponse send(RequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("status of a fuzzed request").isLessThan(500);
		return response;
	}

	private void refusedStoresNothing(RequestBuilder request, int... accepted) throws Exception {
		long before = stored();
		MockHttpServletResponse response = send(request);
		for (int ok : accepted) {
			if (response.getStatus() == ok) {
				return;
			}
		}
		assertThat(stored()).as("rows after a refused request (%s)", response.getStatus()).isEqualTo(before);
	}

	@FuzzTest(maxDuration = "60s")
	void complaintForm(FuzzedDataProvider data) throws Exception {
		MockMultipartHttpServletRequestBuilder form = multipart("/report");
		form.param("category", data.pickValue(CATEGORIES))
			.param("subcategory", data.consumeString(20))
			.param("description", data.consumeString(300))
			.param("reportedObject", data.consumeString(100))
			.param("name", data.consumeString(60))
			.param("email", data.consumeString(60))
			.param("phone", data.consumeString(30))
			.param("consent", data.pickValue(List.of("on", "", "yes", "0")));
		if (data.consumeBoolean()) {
			form.param("fax", data.consumeString(10));
		}
		int files = data.consumeInt(0, 3);
		for (int i = 0; i < files; i++) {
			form.file(new MockMultipartFile("evidence", data.consumeString(40), data.consumeString(30),
					data.consumeBytes(2_000)));
		}
		form.header("Accept-Language", data.consumeString(20));
		refusedStoresNothing(form.with(csrf()), 302);
	}

	@FuzzTest(maxDuration = "30s")
	void statusPages(FuzzedDataProvider data) throws Exception {
		refusedStoresNothing(post("/status").param("number", data.consumeString(50))
			.param("email", data.consumeString(80))
			.with(csrf()), 302);
		String token = data.consumeString(60).replace("/", "").replace("%", "").replace(";", "");
		send(get("/status/{token}", token.isEmpty() ? "x" : token));
		refusedStoresNothing(multipart("/status/{token}/messages", token.isEmpty() ? "x" : token)
			.param("body", data.consumeRemainingAsString())
			.with(csrf()));
	}

	@FuzzTest(maxDuration = "60s")
	void apiOpensCases(FuzzedDataProvider data) throws Exception {
		String body;
		if (data.consumeBoolean()) {
			// a well-formed request with wild values
			body = """
					{"category": %s, "description": %s, "email": %s, "phone": %s, "name": %s, "priority": %s,
					 "language": %s, "reportedObject": %s, "evidence": [{"fileName": %s, "contentBase64": %s}]}"""
				.formatted(json(data), json(data), json(data), json(data), json(data), json(data), json(data),
						json(data), json(data), json(data));
		}
		else {
			body = data.consumeString(500);
		}
		MockHttpServletRequestBuilder request = post("/api/v1/cases").header("Authorization", "Bearer " + token)
			.contentType(data.pickValue(List.of(MediaType.APPLICATION_JSON_VALUE, "application/json;charset=UTF-16",
					"text/plain", "application/x-www-form-urlencoded")))
			.content(body);
		if (data.consumeBoolean()) {
			request.header("Idempotency-Key", data.consumeString(80));
		}
		refusedStoresNothing(request, 200, 201);
	}

	@FuzzTest(maxDuration = "30s")
	void apiReadsAndWrites(FuzzedDataProvider data) throws Exception {
		String number = data.consumeString(30).replace("/", "").replace("%", "").replace(";", "");
		send(get("/api/v1/cases").header("Authorization", "Bearer " + token)
			.param(data.pickValue(List.of("status", "category", "team", "assignee", "page", "size", "q")),
					data.consumeString(30)));
		send(get("/api/v1/cases/{number}", number.isEmpty() ? "x" : number).header("Authorization",
				"Bearer " + token));
		refusedStoresNothing(post("/api/v1/cases/{number}/messages", number.isEmpty() ? "x" : number)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(data.consumeRemainingAsString()), 201);
	}

	/**
	 * Telegram's webhook: with the bot's secret, a wrong one or none, a structured update with wild values or any
	 * bytes. Never a 500; without the right secret nothing is stored; a refused update stores nothing either.
	 */
	@FuzzTest(maxDuration = "60s")
	void telegramWebhook(FuzzedDataProvider data) throws Exception {
		webhookBot();
		String body;
		if (data.consumeBoolean()) {
			body = """
					{"update_id": %s, "message": {"message_id": %s, "date": %s, "text": %s,
					 "chat": {"id": %s, "type": %s, "title": %s},
					 "from": {"id": %s, "is_bot": %s, "first_name": %s, "language_code": %s}}}"""
				.formatted(json(data), json(data), json(data), json(data), json(data),
						data.pickValue(List.of("\"private\"", "\"group\"", "\"supergroup\"", "\"channel\"", "null")),
						json(data), json(data), data.pickValue(List.of("true", "false", "null")), json(data), json(data));
		}
		else {
			body = data.consumeString(600);
		}
		MockHttpServletRequestBuilder request = post("/telegram/webhook/{bot}", data.pickValue(List.of(WEBHOOK_BOT, "other")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		boolean rightSecret = false;
		switch (data.consumeInt(0, 2)) {
			case 0 -> {
				request.header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET);
				rightSecret = true;
			}
			case 1 -> request.header("X-Telegram-Bot-Api-Secret-Token", data.consumeString(70));
			default -> {
			}
		}
		long before = stored() + updates();
		MockHttpServletResponse response = send(request);
		if (!rightSecret || response.getStatus() != 200) {
			assertThat(stored() + updates()).as("rows after a refused webhook call (%s)", response.getStatus())
				.isEqualTo(before);
		}
	}

	static final String WEBHOOK_BOT = "fuzzbot";

	static final String WEBHOOK_SECRET = "fuzz-webhook-secret-0123456789";

	@Autowired
	org.ombud.telegram.internal.BotRegistry bots;

	private long updates() {
		return jdbc.sql("select count(*) from telegram_updates").query(Long.class).single();
	}

	/** A webhook bot of the test's own, with a known secret. */
	private void webhookBot() {
		if (bots.bot(WEBHOOK_BOT).isPresent()) {
			return;
		}
		jdbc.sql("""
				insert into telegram_bots (bot_key, username, token, source, mode, webhook_secret, created_at)
				select ?, 'fuzz_bot', '123456:fuzz-token', 'CONSOLE', 'WEBHOOK', ?, current_timestamp
				where not exists (select 1 from telegram_bots where bot_key = ?)""")
			.params(WEBHOOK_BOT, WEBHOOK_SECRET, WEBHOOK_BOT)
			.update();
		org.ombud.support.Await.until(java.time.Duration.ofSeconds(10), "the fuzz bot known",
				() -> bots.bot(WEBHOOK_BOT).isPresent());
	}

	/** A JSON value of any kind: null, a number, a boolean, or a string with anything in it. */
	private static String json(FuzzedDataProvider data) {
		return switch (data.consumeInt(0, 4)) {
			case 0 -> "null";
			case 1 -> Integer.toString(data.consumeInt());
			case 2 -> Boolean.toString(data.consumeBoolean());
			default -> '"' + data.consumeString(80).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
		};
	}
}
