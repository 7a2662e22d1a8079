package org.ombud.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.support.FakeTelegram.Updates.nextId;
import static org.ombud.support.FakeTelegram.Updates.privateMessage;
import static org.ombud.support.FakeTelegram.Updates.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ombud.OmbudApplication;
import org.ombud.support.FakeTelegram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.node.ObjectNode;

/**
 * Ombud killed in the middle of a burst of webhook updates, then started again on the same database, with
 * Telegram redelivering every update that did not get a 200: every update is stored exactly once, none is lost,
 * none is doubled. Two application contexts of their own (on H2 one named in-memory database, on PostgreSQL the
 * run's database).
 */
class TelegramRestartTests {

	static final FakeTelegram telegram = FakeTelegram.shared();

	static final int PEOPLE = 100;

	static final int MESSAGES_EACH = 6;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	record Sent(long updateId, long userId, long messageId, String json) {
	}

	@Test
	void updatesAnswered200SurviveAKillAndRedeliveryStoresNoneTwice() throws Exception {
		String database = "tg-restart-" + UUID.randomUUID();
		String token = telegram.newBot("restart_bot");
		String key;
		String secret;
		List<Sent> burst = new ArrayList<>();
		Map<Long, Integer> answers = new ConcurrentHashMap<>();

		ConfigurableApplicationContext first = start(database);
		try {
			TelegramBots bots = first.getBean(TelegramBots.class);
			key = bots.add(token).key();
			bots.setWebhook(key);
			secret = telegram.calls(token, "setWebhook").getLast().parameters().path("secret_token").asString();
			for (int m = 1; m <= MESSAGES_EACH; m++) {
				for (int p = 0; p < PEOPLE; p++) {
					long userId = 5_000_000_000L + p;
					long updateId = nextId();
					ObjectNode update = privateMessage(updateId, m, user(userId, "Person " + p, p % 3 == 0 ? "ru" : "en"),
							"Message " + m + " of person " + p);
					burst.add(new Sent(updateId, userId, m, update.toString()));
				}
			}
			int port = port(first);
			AtomicInteger done = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(16);
			for (Sent s : burst) {
				pool.submit(() -> {
					answers.put(s.updateId(), post(port, key, secret, s.json()));
					done.incrementAndGet();
				});
			}
			// kill it while the burst is under way: the door shuts at once (requests in flight are cut off, their
			// transactions may still commit or roll back), then the rest of the application goes
			while (done.get() < burst.size() / 5) {
				Thread.sleep(5);
			}
			((WebServerApplicationContext) first).getWebServer().stop();
			first.close();
			pool.shutdown();
			assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			if (first.isActive()) {
				first.close();
			}
		}
		long answered = answers.values().stream().filter(s -> s == 200).count();
		assertThat(answered).as("some updates answered before the kill").isPositive();
		assertThat(answered).as("some updates cut off by the kill").isLessThan(burst.size());

		ConfigurableApplicationContext second = start(database);
		try {
			int port = port(second);
			// Telegram redelivers, in order, whatever did not get a 200
			for (Sent s : burst) {
				if (answers.get(s.updateId()) != 200) {
					assertThat(post(port, key, secret, s.json())).isEqualTo(200);
				}
			}
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from telegram_updates where bot_key = ?").param(key).query(Long.class).single())
				.isEqualTo(burst.size());
			for (Sent s : burst) {
				long stored = jdbc.sql("""
						select count(*) from messages m join conversations c on c.id = m.conversation_id
						where c.channel = 'telegram' and c.endpoint_key = ? and c.external_chat_id = ? and m.external_id = ?""")
					.params(key, String.valueOf(s.userId()), String.valueOf(s.messageId()))
					.query(Long.class)
					.single();
				assertThat(stored).as("update %d (answered %s first) stored once", s.updateId(), answers.get(s.updateId()))
					.isEqualTo(1);
			}
			// one person, one chat, one case
			assertThat(jdbc.sql("""
					select count(*) from cases k join conversations c on c.id = k.conversation_id
					where c.channel = 'telegram' and c.endpoint_key = ?""").param(key).query(Long.class).single())
				.isEqualTo(PEOPLE);
			for (int p = 0; p < PEOPLE; p++) {
				assertThat(telegram.sent(token, String.valueOf(5_000_000_000L + p))).as("replies to person %d", p)
					.hasSizeLessThanOrEqualTo(1);
			}
		}
		finally {
			second.close();
		}
	}

	private ConfigurableApplicationContext start(String database) {
		return new SpringApplicationBuilder(OmbudApplication.class)
			.properties("server.port=0", "ombud.test.h2-name=" + database, "server.shutdown=immediate",
					"spring.datasource.hikari.maximum-pool-size=12")
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private int post(int port, String key, String secret, String json) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook/" + key))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/json")
				.header("X-Telegram-Bot-Api-Secret-Token", secret)
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception e) {
			// the connection was refused or cut: Telegram would try again later
			return -1;
		}
	}
}
