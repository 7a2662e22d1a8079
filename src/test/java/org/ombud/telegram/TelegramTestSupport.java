package org.ombud.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.support.Await;
import org.ombud.support.FakeTelegram;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

/**
 * The Telegram tests' common ground: the console tests' application context (same annotations, so one context
 * serves both), the fake Bot API of the test JVM, a fresh bot per test, and the webhook called as Telegram does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class TelegramTestSupport {

	static final FakeTelegram telegram = FakeTelegram.shared();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	MockMvc mvc;

	@Autowired
	TelegramBots bots;

	@Autowired
	Conversations conversations;

	@Autowired
	CaseManagement cases;

	@Autowired
	Contacts contacts;

	@LocalServerPort
	int port;

	/** A bot connected in the console with its webhook set up: {token, key, secret}. */
	String[] webhookBot() {
		String token = telegram.newBot("desk_" + UUID.randomUUID().toString().substring(0, 8) + "_bot");
		TelegramBot bot = bots.add(token);
		bots.setWebhook(bot.key());
		String secret = telegram.calls(token, "setWebhook").getLast().parameters().path("secret_token").asString();
		return new String[] { token, bot.key(), secret };
	}

	int post(String[] bot, JsonNode update) {
		return post(bot[1], bot[2], update.toString());
	}

	int post(String botKey, String secret, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook/" + botKey))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (secret != null) {
			request.header("X-Telegram-Bot-Api-Secret-Token", secret);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Waits until the bot has sent {@code count} messages to the chat, and returns them. */
	List<FakeTelegram.Call> awaitSent(String token, String chatId, int count) {
		Await.until(Duration.ofSeconds(20), count + " message(s) to chat " + chatId,
				() -> telegram.sent(token, chatId).size() >= count);
		return telegram.sent(token, chatId);
	}

	Conversation conversation(String[] bot, long chatId) {
		return conversations.chat(TelegramBots.CHANNEL, bot[1], String.valueOf(chatId)).orElseThrow();
	}

	CaseView caseOf(String[] bot, long chatId) {
		return cases.currentCase(conversation(bot, chatId).id()).orElseThrow();
	}

	long contactOf(long telegramUserId) {
		return contacts.findByIdentity(TelegramBots.CHANNEL, String.valueOf(telegramUserId)).orElseThrow();
	}

	static ChannelIdentity identity(long telegramUserId) {
		return new ChannelIdentity(TelegramBots.CHANNEL, String.valueOf(telegramUserId));
	}

	static long newUserId() {
		return FakeTelegram.Updates.nextId();
	}
}
