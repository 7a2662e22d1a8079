package org.ombud.bench;

import static org.ombud.bench.BenchSupport.arg;
import static org.ombud.bench.BenchSupport.exec;
import static org.ombud.bench.BenchSupport.insertReturningId;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * Telegram intake throughput: webhook updates (unique {@code update_id}s, private chats of many people; a
 * person's first message opens a case, later ones follow it up) against a running Ombud with 8 and 64
 * connections (driven by wrk), and in the same run the reference: the same rows written by plain JDBC, one
 * transaction per update, 8 connections. Prints updates/s, p50 and p99 for each and the ratio.
 * {@code --serve-api=PORT} instead runs a Bot API stand-in that says yes to everything, for Ombud to talk to.
 */
public final class TelegramBench {

	public static void main(String[] args) throws Exception {
		String serve = arg(args, "serve-api", null);
		if (serve != null) {
			serveApi(Integer.parseInt(serve));
			return;
		}
		String baseUrl = arg(args, "url", "http://127.0.0.1:18080");
		String jdbcUrl = arg(args, "jdbc", "jdbc:postgresql://127.0.0.1:5432/ombud_bench");
		String bot = arg(args, "bot", "1");
		int users = Integer.parseInt(arg(args, "users", "20000"));
		int seconds = Integer.parseInt(arg(args, "seconds", "20"));
		int warmup = Integer.parseInt(arg(args, "warmup", "60"));
		String script = "bench/telegram.lua";

		System.out.printf("Telegram benchmark: %s, bot %s, %d people, %d s per phase after %d s warm-up%n", baseUrl, bot,
				users, seconds, warmup);
		IntakeBench.wrk("warm-up", 8, warmup, baseUrl, script, "1");
		IntakeBench.Result api8 = IntakeBench.wrk("webhook", 8, seconds, baseUrl, script, "2");
		IntakeBench.Result api64 = IntakeBench.wrk("webhook", 64, seconds, baseUrl, script, "3");

		Reference reference = new Reference(jdbcUrl, "postgres", bot, users);
		IntakeBench.measure("warm-up", 8, Math.min(warmup, 15), reference::insert);
		IntakeBench.Result ref8 = IntakeBench.measure("plain JDBC", 8, seconds, reference::insert);
		reference.close();

		System.out.println();
		System.out.printf("%-12s %8s %10s %9s %9s %9s%n", "what", "clients", "updates/s", "p50 ms", "p99 ms", "failed");
		for (IntakeBench.Result r : List.of(ref8, api8, api64)) {
			System.out.printf("%-12s %8d %10.1f %9.2f %9.2f %9d%n", r.name(), r.clients(), r.perSecond(), r.p50Millis(),
					r.p99Millis(), r.failures());
		}
		System.out.printf("%nopened/followed up by the reference: %d/%d%n", reference.opened.get(), reference.followed.get());
		System.out.printf("ratio webhook(8)/reference(8):  %.2f%n", api8.perSecond() / ref8.perSecond());
		System.out.printf("ratio webhook(64)/reference(8): %.2f%n", api64.perSecond() / ref8.perSecond());
		if (api8.failures() + api64.failures() > 0) {
			System.out.println("some webhook requests failed: see the Ombud log");
			System.exit(1);
		}
	}

	/** A Bot API that takes everything: getMe, setWebhook, sendChatAction, sendMessage (with a message id). */
	static void serveApi(int port) throws Exception {
		AtomicLong ids = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 500);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", exchange -> {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				String path = exchange.getRequestURI().getPath();
				String botId = path.startsWith("/bot") ? path.substring(4, path.indexOf(':')) : "1";
				String result = path.endsWith("/getMe")
						? "{\"id\":" + botId + ",\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}"
						: path.endsWith("/sendMessage")
								? "{\"message_id\":" + ids.incrementAndGet() + ",\"date\":0,\"chat\":{\"id\":1,\"type\":\"private\"}}"
								: "true";
				byte[] bytes = ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		});
		server.start();
		System.out.println("Bot API stand-in on port " + port);
	}

	/**
	 * What one update writes, by plain JDBC: the update's key, then for a person's first message the contact, their
	 * identity, the conversation, the message, the case with its two timeline lines and the queued answer; for a
	 * later one the message, its timeline line and the touched case and conversation.
	 */
	static final class Reference {

		private final ThreadLocal<Connection> connections;

		private final List<Connection> opened_ = new ArrayList<>();

		private final Set<Long> seen = ConcurrentHashMap.newKeySet();

		private final String bot;

		private final int users;

		private final long categoryId;

		private final long teamId;

		private final AtomicLong updates = new AtomicLong(900_000_000_000L + System.nanoTime() % 1_000_000_000L);

		final AtomicLong opened = new AtomicLong();

		final AtomicLong followed = new AtomicLong();

		Reference(String url, String user, String bot, int users) throws Exception {
			this.bot = bot;
			this.users = users;
			this.connections = ThreadLocal.withInitial(() -> {
				try {
					Connection c = DriverManager.getConnection(url, user, "");
					c.setAutoCommit(false);
					synchronized (opened_) {
						opened_.add(c);
					}
					return c;
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
				ResultSet rs = s.executeQuery("select id, default_team_id from categories where category_key = 'other'");
				rs.next();
				categoryId = rs.getLong(1);
				teamId = rs.getLong(2);
			}
		}

		boolean insert(int worker, long seq) throws Exception {
			Connection c = connections.get();
			Timestamp now = Timestamp.from(Instant.now());
			long update = updates.incrementAndGet();
			// the same spread of people as the wrk script, on ids of its own
			long person = 8_000_000_000L + ((worker * 7919L + seq * 104729L) % users);
			String chat = String.valueOf(person);
			try {
				exec(c, "insert into telegram_updates (bot_key, update_id, received_at, outcome) values (?, ?, ?, 'APPLIED') on conflict do nothing",
						bot, update, now);
				String body = "Stream " + update + " breaks the rules, see https://stream.example/v/" + update;
				if (seen.add(person)) {
					long contact = insertReturningId(c, "insert into contacts (display_name, locale, created_at) values ('Bench', 'en', ?)", now);
					exec(c, "insert into channel_identities (contact_id, channel, external_id, created_at) values (?, 'telegram', ?, ?)",
							contact, chat, now);
					long conversation = insertReturningId(c, """
							insert into conversations (channel, contact_id, endpoint_key, external_chat_id, created_at, last_message_at)
							values ('telegram', ?, ?, ?, ?, ?)""", contact, bot, chat, now, now);
					long message = insertReturningId(c,
							"insert into messages (conversation_id, kind, body, created_at, external_id) values (?, 'INBOUND', ?, ?, ?)",
							conversation, body, now, String.valueOf(update));
					long number;
					try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select nextval('case_number_seq')")) {
						rs.next();
						number = rs.getLong(1);
					}
					long caseId = insertReturningId(c, """
							insert into cases (case_number, conversation_id, contact_id, channel, category_id, priority, status,
							  team_id, subject, locale, status_token_hash, created_at, updated_at)
							values (?, ?, ?, 'telegram', ?, 'NORMAL', 'NEW', ?, ?, 'en', ?, ?, ?)""",
							"C-2026-%06d".formatted(number), conversation, contact, categoryId, teamId, body.substring(0, 40),
							UUID.randomUUID().toString(), now, now);
					exec(c, "insert into case_events (case_id, occurred_at, actor_kind, event_kind, new_value) values (?, ?, 'CONTACT', 'OPENED', ?)",
							caseId, now, "C-2026-%06d".formatted(number));
					exec(c, "insert into case_events (case_id, occurred_at, actor_kind, event_kind, message_id) values (?, ?, 'CONTACT', 'MESSAGE', ?)",
							caseId, now, message);
					exec(c, "insert into outbox_lanes (channel, endpoint_key, chat_id, next_send_at) values ('telegram', ?, ?, ?) on conflict do nothing",
							bot, chat, now);
					long lane;
					try (PreparedStatement ps = c.prepareStatement("select id from outbox_lanes where channel = 'telegram' and endpoint_key = ? and chat_id = ?")) {
						ps.setString(1, bot);
						ps.setString(2, chat);
						try (ResultSet rs = ps.executeQuery()) {
							rs.next();
							lane = rs.getLong(1);
						}
					}
					exec(c, """
							insert into outbox (lane_id, channel, endpoint_key, chat_id, body, state, next_attempt_at, created_at)
							values (?, 'telegram', ?, ?, ?, 'DONE', ?, ?)""", lane, bot, chat,
							"Thank you, we have received your request. Its number is C-2026-%06d.".formatted(number), now, now);
					opened.incrementAndGet();
				}
				else {
					long conversation;
					try (PreparedStatement ps = c.prepareStatement(
							"select id from conversations where channel = 'telegram' and endpoint_key = ? and external_chat_id = ? for update")) {
						ps.setString(1, bot);
						ps.setString(2, chat);
						try (ResultSet rs = ps.executeQuery()) {
							if (!rs.next()) {
								c.rollback();
								return false;
							}
							conversation = rs.getLong(1);
						}
					}
					long message = insertReturningId(c,
							"insert into messages (conversation_id, kind, body, created_at, external_id) values (?, 'INBOUND', ?, ?, ?)",
							conversation, body, now, String.valueOf(update));
					long caseId;
					try (PreparedStatement ps = c.prepareStatement(
							"select id from cases where conversation_id = ? and status <> 'CLOSED' order by id desc limit 1 for update")) {
						ps.setLong(1, conversation);
						try (ResultSet rs = ps.executeQuery()) {
							rs.next();
							caseId = rs.getLong(1);
						}
					}
					exec(c, "insert into case_events (case_id, occurred_at, actor_kind, event_kind, message_id) values (?, ?, 'CONTACT', 'MESSAGE', ?)",
							caseId, now, message);
					exec(c, "update cases set updated_at = ? where id = ?", now, caseId);
					exec(c, "update conversations set last_message_at = ? where id = ?", now, conversation);
					followed.incrementAndGet();
				}
				c.commit();
				return true;
			}
			catch (Exception e) {
				c.rollback();
				throw e;
			}
		}

		void close() throws Exception {
			synchronized (opened_) {
				for (Connection c : opened_) {
					c.close();
				}
			}
		}
	}
}
