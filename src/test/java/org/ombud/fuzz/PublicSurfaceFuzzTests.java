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
import org.ombud.support.FakeTelegram;
import org.ombud.telegram.TelegramBot;
import org.ombud.telegram.TelegramBots;
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
 * Fuzzes the doors anyone can knock on: the complaint form, the status pages, the REST API and the Telegram
 * webhook (the only webhook that comes in; trackers are only called out to). Whatever
 * arrives, the answer is never a server error, and a refused request stores nothing. A normal test run replays
 * the inputs kept under {@code src/test/resources/org/ombud/fuzz/PublicSurfaceFuzzTestsInputs}; {@code
 * JAZZER_FUZZ=1} fuzzes for real (see {@code bench/fuzz.sh}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicSurfaceFuzzTests {

	private static final List<String> CATEGORIES = List.of("content", "account", "privacy", "other", "", "nope");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TelegramBots bots;

	private static String token;

	/** A bot with its webhook set up: {key, secret}. */
	private static String[] bot;

	@BeforeEach
	void token() {
		if (token == null) {
			token = tokens.create("fuzz-" + Tokens.random(4), null).secret();
		}
		if (bot == null) {
			FakeTelegram telegram = FakeTelegram.shared();
			String botToken = telegram.newBot("fuzz_" + Tokens.random(4).toLowerCase() + "_bot");
			TelegramBot added = bots.add(botToken);
			bots.setWebhook(added.key());
			bot = new String[] { added.key(),
					telegram.calls(botToken, "setWebhook").getLast().parameters().path("secret_token").asString() };
		}
	}

	/** Rows an update could add: the updates taken, and what they open or write. */
	private long storedByTelegram() {
		return jdbc.sql("""
				select (select count(*) from telegram_updates) + (select count(*) from conversations)
				     + (select count(*) from messages) + (select count(*) from message_edits)
				     + (select count(*) from cases) + (select count(*) from contacts) + (select count(*) from evidence)
				     + (select count(*) from channel_identities)""").query(Long.class).single();
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

	private static final List<String> UPDATE_KINDS = List.of("message", "edited_message", "callback_query",
			"my_chat_member", "channel_post", "poll", "");

	private static final List<String> CHAT_TYPES = List.of("private", "group", "supergroup", "channel", "");

	/**
	 * The Telegram webhook with the right, a wrong or no secret, and an update that is shaped like Telegram's
	 * (private and group messages, edits, button presses, membership changes) with wild values, or anything at all.
	 * Without the right secret the answer is 401 or 403 and nothing is stored. With it, a body that is no update
	 * (no JSON, no {@code update_id}) is a 400 and stores nothing: Telegram sends none, so whoever sent it made a
	 * mistake. An update with an id is answered 200 even when there is nothing to act on (it is recorded as
	 * taken or failed), so Telegram does not resend it.
	 */
	@FuzzTest(maxDuration = "60s")
	void telegramWebhook(FuzzedDataProvider data) throws Exception {
		int door = data.consumeInt(0, 3);
		String key = door == 3 ? data.consumeString(20).replace("/", "").replace("%", "").replace(";", "") : bot[0];
		String body = data.consumeBoolean() ? telegramUpdate(data) : data.consumeString(800);
		MockHttpServletRequestBuilder request = post("/telegram/webhook/{botKey}", key.isEmpty() ? "x" : key)
			.contentType(data.pickValue(List.of(MediaType.APPLICATION_JSON_VALUE, "text/plain", "application/xml")))
			.content(body);
		switch (door) {
			case 0, 3 -> request.header("X-Telegram-Bot-Api-Secret-Token", bot[1]);
			case 1 -> request.header("X-Telegram-Bot-Api-Secret-Token", data.pickValue(List.of(bot[1] + "x",
					bot[1].substring(1), "", data.consumeString(60).replace("\r", "").replace("\n", ""))));
			default -> {
				// no secret at all
			}
		}
		long before = storedByTelegram();
		MockHttpServletResponse response = send(request);
		int status = response.getStatus();
		if (door != 0 && !bot[0].equals(key)) {
			// a key the firewall refuses (a backslash, a control character…) is a 400 before the door is reached
			assertThat(status).as("another bot's door").isIn(400, 401, 403);
		}
		else if (door == 1 || door == 2) {
			assertThat(status).as("a wrong or missing secret").isIn(401, 403);
		}
		else {
			assertThat(status).as("an update with the right secret").isIn(200, 400, 413);
		}
		if (status != 200) {
			assertThat(storedByTelegram()).as("rows after a refused update (%s)", status).isEqualTo(before);
		}
	}

	/** An update shaped like Telegram's, each field a wild value of any JSON kind. */
	private static String telegramUpdate(FuzzedDataProvider data) {
		String chat = """
				{"id": %s, "type": %s, "title": %s, "username": %s, "first_name": %s}""".formatted(
				data.consumeBoolean() ? Long.toString(data.consumeLong()) : json(data),
				data.consumeBoolean() ? '"' + data.pickValue(CHAT_TYPES) + '"' : json(data), json(data), json(data),
				json(data));
		String from = """
				{"id": %s, "is_bot": %s, "first_name": %s, "last_name": %s, "username": %s, "language_code": %s}"""
			.formatted(data.consumeBoolean() ? Long.toString(data.consumeLong()) : json(data), json(data), json(data),
					json(data), json(data), json(data));
		String message = """
				{"message_id": %s, "date": %s, "chat": %s, "from": %s, "text": %s, "caption": %s, "%s": %s,
				 "reply_to_message": %s, "new_chat_title": %s, "entities": %s}""".formatted(
				data.consumeBoolean() ? Integer.toString(data.consumeInt()) : json(data), json(data), chat, from,
				json(data), json(data),
				data.pickValue(List.of("photo", "document", "voice", "video", "video_note", "sticker", "contact")),
				deep(data, 2), data.consumeBoolean() ? "null" : deep(data, 2), json(data), deep(data, 2));
		String kind = data.pickValue(UPDATE_KINDS);
		String payload = switch (kind) {
			case "callback_query" -> """
					{"id": %s, "from": %s, "data": %s, "message": %s}""".formatted(json(data), from, json(data), message);
			case "my_chat_member" -> """
					{"chat": %s, "from": %s, "date": %s, "old_chat_member": %s, "new_chat_member": %s}""".formatted(chat,
					from, json(data), deep(data, 2), deep(data, 2));
			default -> message;
		};
		String updateId = data.consumeBoolean() ? Long.toString(data.consumeLong(1, Long.MAX_VALUE)) : json(data);
		return "{\"update_id\": %s, \"%s\": %s}".formatted(updateId, kind, payload);
	}

	/** Any JSON value, objects and arrays nested up to {@code depth}. */
	private static String deep(FuzzedDataProvider data, int depth) {
		if (depth == 0 || data.consumeInt(0, 2) > 0) {
			return json(data);
		}
		int size = data.consumeInt(0, 3);
		StringBuilder out = new StringBuilder();
		boolean object = data.consumeBoolean();
		out.append(object ? '{' : '[');
		for (int i = 0; i < size; i++) {
			if (i > 0) {
				out.append(',');
			}
			if (object) {
				out.append(string(data, 20)).append(':');
			}
			out.append(deep(data, depth - 1));
		}
		return out.append(object ? '}' : ']').toString();
	}

	private static String string(FuzzedDataProvider data, int length) {
		return '"' + data.consumeString(length).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
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
