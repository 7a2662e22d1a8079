package org.ombud.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Bot-API-like server on the loopback: {@code POST /bot<token>/sendMessage} with {@code chat_id} and {@code text}.
 * It holds the caps the way a strict Telegram would: more than {@code perBot} messages of one bot within any
 * second, or a second message to a chat within a second of the previous one, is refused with 429 and
 * {@code retry_after}. Every accepted message is recorded with the time it arrived.
 */
final class FakeBotApi {

	record Accepted(String chatId, String text, long atNanos) {
	}

	private static final Pattern CHAT = Pattern.compile("\"chat_id\"\\s*:\\s*\"([^\"]*)\"");

	private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"([^\"]*)\"");

	private final int perBot;

	private final long perChatNanos;

	private final HttpServer server;

	private final ArrayDeque<Long> botWindow = new ArrayDeque<>();

	private final Map<String, Long> lastPerChat = new HashMap<>();

	private final List<Accepted> accepted = new ArrayList<>();

	private final AtomicLong refusedBot = new AtomicLong();

	private final AtomicLong refusedChat = new AtomicLong();

	private final AtomicLong ids = new AtomicLong();

	FakeBotApi(int perBot, long perChatMillis) throws IOException {
		this.perBot = perBot;
		this.perChatNanos = perChatMillis * 1_000_000L;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void stop() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		long now = System.nanoTime();
		Matcher chat = CHAT.matcher(body);
		Matcher text = TEXT.matcher(body);
		if (!exchange.getRequestURI().getPath().endsWith("/sendMessage") || !chat.find() || !text.find()) {
			answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request\"}");
			return;
		}
		String answer;
		int status;
		synchronized (this) {
			while (!botWindow.isEmpty() && now - botWindow.peekFirst() >= 1_000_000_000L) {
				botWindow.pollFirst();
			}
			Long last = lastPerChat.get(chat.group(1));
			if (botWindow.size() >= perBot) {
				refusedBot.incrementAndGet();
				status = 429;
				answer = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}";
			}
			else if (last != null && now - last < perChatNanos) {
				refusedChat.incrementAndGet();
				status = 429;
				answer = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}";
			}
			else {
				botWindow.addLast(now);
				lastPerChat.put(chat.group(1), now);
				accepted.add(new Accepted(chat.group(1), text.group(1), now));
				status = 200;
				answer = "{\"ok\":true,\"result\":{\"message_id\":" + ids.incrementAndGet() + "}}";
			}
		}
		answer(exchange, status, answer);
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	synchronized List<Accepted> accepted() {
		return List.copyOf(accepted);
	}

	long refusedBot() {
		return refusedBot.get();
	}

	long refusedChat() {
		return refusedChat.get();
	}
}
