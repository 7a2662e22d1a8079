package org.ombud.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Telegram Bot API server for tests, one per test JVM on a random port: {@code /bot<token>/<method>} with
 * JSON answers shaped as in the Bot API documentation ({@code getMe}, {@code getUpdates} with offset and
 * timeout, {@code setWebhook}, {@code deleteWebhook}, {@code sendMessage}, {@code sendChatAction},
 * {@code getFile}, {@code answerCallbackQuery}) and {@code /file/bot<token>/<path>}. Every call is recorded;
 * a test can script the next answers of a method for a bot: 429 with {@code parameters.retry_after}, 500, 403,
 * or no answer at all (a timeout). Bots are told apart by their token, so tests never see each other's calls.
 */
public final class FakeTelegram {

	/** One call as the server received it. */
	public record Call(String token, String method, JsonNode parameters, Instant at) {

		public String chatId() {
			JsonNode chat = parameters.get("chat_id");
			return chat == null ? null : chat.asString();
		}

		public String text() {
			JsonNode text = parameters.get("text");
			return text == null ? null : text.asString();
		}
	}

	/** A scripted answer to the next call of a method. */
	public sealed interface Fault {
	}

	public record TooManyRequests(int retryAfterSeconds) implements Fault {
	}

	public record ServerError() implements Fault {
	}

	public record Forbidden(String description) implements Fault {
	}

	public record BadRequest(String description) implements Fault {
	}

	/** Takes the call (a sent message reaches the chat), then answers nothing for this long. */
	public record Hang(Duration duration, boolean takeFirst) implements Fault {
	}

	private static FakeTelegram shared;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Call> calls = new ArrayList<>();

	private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();

	private final Map<String, Deque<JsonNode>> updates = new ConcurrentHashMap<>();

	private final Map<String, byte[]> files = new ConcurrentHashMap<>();

	private final Map<String, Long> announcedSizes = new ConcurrentHashMap<>();

	private final Map<String, String> usernames = new ConcurrentHashMap<>();

	private final AtomicLong messageIds = new AtomicLong(1000);

	private FakeTelegram() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	/** The server of this test JVM, started on first use. */
	public static synchronized FakeTelegram shared() {
		if (shared == null) {
			try {
				shared = new FakeTelegram();
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
		return shared;
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** A new bot's token (a fresh id, so its calls are the test's own) that {@code getMe} answers as {@code username}. */
	public String newBot(String username) {
		String token = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L) + ":AAF"
				+ Long.toHexString(ThreadLocalRandom.current().nextLong()) + "x".repeat(20);
		usernames.put(token, username);
		return token;
	}

	/** The next calls of {@code method} by this bot get these answers, in order; then normal answers again. */
	public void fault(String token, String method, Fault... answers) {
		faults.computeIfAbsent(token + "/" + method, k -> new ArrayDeque<>()).addAll(List.of(answers));
	}

	/** Queues an update for {@code getUpdates}. */
	public void queueUpdate(String token, JsonNode update) {
		Deque<JsonNode> queue = updates.computeIfAbsent(token, k -> new ArrayDeque<>());
		synchronized (queue) {
			queue.add(update);
			queue.notifyAll();
		}
	}

	/** A file {@code getFile} hands out; {@code announcedSize} is the size it claims (null: the real one). */
	public void file(String fileId, byte[] bytes, Long announcedSize) {
		files.put(fileId, bytes);
		if (announcedSize != null) {
			announcedSizes.put(fileId, announcedSize);
		}
	}

	public synchronized List<Call> calls(String token) {
		return calls.stream().filter(c -> c.token().equals(token)).toList();
	}

	public synchronized List<Call> calls(String token, String method) {
		return calls.stream().filter(c -> c.token().equals(token) && c.method().equals(method)).toList();
	}

	/** The messages this bot sent to a chat (taken ones only), in order. */
	public synchronized List<Call> sent(String token, String chatId) {
		return calls.stream()
			.filter(c -> c.token().equals(token) && c.method().equals("sendMessage") && chatId.equals(c.chatId())
					&& c.parameters().path("_taken").asBoolean(false))
			.toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.startsWith("/file/bot")) {
				String rest = path.substring("/file/bot".length());
				String fileId = rest.substring(rest.indexOf("/files/") + "/files/".length());
				byte[] bytes = files.get(fileId);
				if (bytes == null) {
					respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
					return;
				}
				exchange.sendResponseHeaders(200, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
				return;
			}
			if (!path.startsWith("/bot") || path.indexOf('/', 4) < 0) {
				respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
				return;
			}
			String token = path.substring(4, path.indexOf('/', 4));
			String method = path.substring(path.indexOf('/', 4) + 1);
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			ObjectNode parameters = body.length == 0 ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(body);
			Call call = new Call(token, method, parameters, Instant.now());
			synchronized (this) {
				calls.add(call);
			}
			Deque<Fault> scripted = faults.get(token + "/" + method);
			Fault fault = scripted == null ? null : scripted.poll();
			switch (fault) {
				case null -> respond(exchange, 200, answer(token, method, parameters));
				case TooManyRequests t -> respond(exchange, 429,
						"{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
								+ t.retryAfterSeconds() + "\",\"parameters\":{\"retry_after\":" + t.retryAfterSeconds() + "}}");
				case ServerError s -> respond(exchange, 500,
						"{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
				case Forbidden f -> respond(exchange, 403,
						"{\"ok\":false,\"error_code\":403,\"description\":" + JSON.writeValueAsString(f.description()) + "}");
				case BadRequest b -> respond(exchange, 400,
						"{\"ok\":false,\"error_code\":400,\"description\":" + JSON.writeValueAsString(b.description()) + "}");
				case Hang h -> {
					if (h.takeFirst()) {
						answer(token, method, parameters);
					}
					Thread.sleep(h.duration());
					respond(exchange, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"too late\"}");
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException e) {
			respond(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: "
					+ e.getClass().getSimpleName() + "\"}");
		}
	}

	private String answer(String token, String method, ObjectNode parameters) throws InterruptedException {
		String botId = token.substring(0, token.indexOf(':'));
		return switch (method) {
			case "getMe" -> usernames.containsKey(token)
					? ok("{\"id\":" + botId + ",\"is_bot\":true,\"first_name\":\"Desk\",\"username\":\""
							+ usernames.get(token) + "\"}")
					: "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";
			case "getUpdates" -> ok(getUpdates(token, parameters).toString());
			case "setWebhook", "deleteWebhook", "sendChatAction", "answerCallbackQuery" -> ok("true");
			case "sendMessage" -> {
				long id = messageIds.incrementAndGet();
				parameters.put("_taken", true);
				yield ok("{\"message_id\":" + id + ",\"date\":" + Instant.now().getEpochSecond() + ",\"chat\":{\"id\":"
						+ parameters.path("chat_id").asString() + ",\"type\":\"private\"},\"text\":"
						+ JSON.writeValueAsString(parameters.path("text").asString()) + "}");
			}
			case "getFile" -> {
				String fileId = parameters.path("file_id").asString();
				byte[] bytes = files.get(fileId);
				if (bytes == null) {
					yield "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: invalid file_id\"}";
				}
				long size = announcedSizes.getOrDefault(fileId, (long) bytes.length);
				yield ok("{\"file_id\":\"" + fileId + "\",\"file_unique_id\":\"u" + fileId + "\",\"file_size\":" + size
						+ ",\"file_path\":\"files/" + fileId + "\"}");
			}
			default -> "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}";
		};
	}

	/** Updates from the offset on, waiting up to {@code timeout} seconds for one to arrive. */
	private ArrayNode getUpdates(String token, JsonNode parameters) throws InterruptedException {
		long offset = parameters.path("offset").asLong(0);
		long timeout = parameters.path("timeout").asLong(0);
		Deque<JsonNode> queue = updates.computeIfAbsent(token, k -> new ArrayDeque<>());
		long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
		synchronized (queue) {
			// confirming: updates below the offset are forgotten, as Telegram does
			queue.removeIf(u -> u.path("update_id").asLong() < offset);
			while (queue.isEmpty() && System.nanoTime() < deadline) {
				queue.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			ArrayNode result = JSON.createArrayNode();
			queue.stream().limit(100).forEach(result::add);
			return result;
		}
	}

	private static String ok(String result) {
		return "{\"ok\":true,\"result\":" + result + "}";
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Builds Bot API update JSON for tests. */
	public static final class Updates {

		private static final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000, 900_000_000));

		private Updates() {
		}

		public static long nextId() {
			return ids.incrementAndGet();
		}

		public static ObjectNode user(long id, String firstName, String languageCode) {
			ObjectNode user = JSON.createObjectNode();
			user.put("id", id).put("is_bot", false).put("first_name", firstName);
			if (languageCode != null) {
				user.put("language_code", languageCode);
			}
			return user;
		}

		public static ObjectNode privateMessage(long updateId, long messageId, ObjectNode from, String text) {
			ObjectNode chat = JSON.createObjectNode();
			chat.put("id", from.path("id").asLong()).put("type", "private").put("first_name", from.path("first_name").asString());
			return update(updateId, "message", message(messageId, chat, from, text));
		}

		public static ObjectNode groupMessage(long updateId, long messageId, long chatId, String title, ObjectNode from,
				String text) {
			ObjectNode chat = JSON.createObjectNode();
			chat.put("id", chatId).put("type", "supergroup").put("title", title);
			return update(updateId, "message", message(messageId, chat, from, text));
		}

		public static ObjectNode message(long messageId, ObjectNode chat, ObjectNode from, String text) {
			ObjectNode message = JSON.createObjectNode();
			message.put("message_id", messageId).put("date", Instant.now().getEpochSecond());
			message.set("chat", chat);
			message.set("from", from);
			if (text != null) {
				message.put("text", text);
			}
			return message;
		}

		public static ObjectNode update(long updateId, String kind, ObjectNode content) {
			ObjectNode update = JSON.createObjectNode();
			update.put("update_id", updateId);
			update.set(kind, content);
			return update;
		}

		/** The same message, edited: as Telegram sends it in {@code edited_message}. */
		public static ObjectNode edited(long updateId, ObjectNode original, String newText) {
			ObjectNode message = (ObjectNode) original.path("message").deepCopy();
			message.put("text", newText).put("edit_date", Instant.now().getEpochSecond());
			return update(updateId, "edited_message", message);
		}

		/** A press on an inline button under a message the bot sent to this person. */
		public static ObjectNode callback(long updateId, ObjectNode from, String data) {
			ObjectNode chat = JSON.createObjectNode();
			chat.put("id", from.path("id").asLong()).put("type", "private");
			ObjectNode message = message(1, chat, JSON.createObjectNode().put("id", 1).put("is_bot", true)
				.put("first_name", "Desk"), "…");
			ObjectNode query = JSON.createObjectNode();
			query.put("id", "cb" + updateId).put("chat_instance", "ci").put("data", data);
			query.set("from", from);
			query.set("message", message);
			return update(updateId, "callback_query", query);
		}

		public static ObjectNode botAddedToGroup(long updateId, long chatId, String title, ObjectNode by) {
			ObjectNode chat = JSON.createObjectNode();
			chat.put("id", chatId).put("type", "supergroup").put("title", title);
			ObjectNode change = JSON.createObjectNode();
			change.set("chat", chat);
			change.set("from", by);
			change.put("date", Instant.now().getEpochSecond());
			change.set("old_chat_member", JSON.createObjectNode().put("status", "left"));
			change.set("new_chat_member", JSON.createObjectNode().put("status", "member"));
			return update(updateId, "my_chat_member", change);
		}

		public static Map<String, Object> fields(Object... pairs) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (int i = 0; i < pairs.length; i += 2) {
				map.put((String) pairs[i], pairs[i + 1]);
			}
			return map;
		}
	}
}
