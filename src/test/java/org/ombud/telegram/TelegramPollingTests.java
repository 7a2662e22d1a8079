package org.ombud.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.support.FakeTelegram.Updates.nextId;
import static org.ombud.support.FakeTelegram.Updates.privateMessage;
import static org.ombud.support.FakeTelegram.Updates.user;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ombud.conversations.Message;
import org.ombud.support.Await;

import tools.jackson.databind.node.ObjectNode;

/** A bot in polling mode: updates come through getUpdates, each once, and the offset confirms only stored ones. */
class TelegramPollingTests extends TelegramTestSupport {

	@Test
	void aPolledBotTakesItsUpdatesOnceAndConfirmsThem() {
		String token = telegram.newBot("poll_" + UUID.randomUUID().toString().substring(0, 6) + "_bot");
		String key = bots.add(token).key();
		assertThat(bots.bot(key).orElseThrow().mode()).isEqualTo(BotMode.POLLING);
		long userId = newUserId();
		ObjectNode from = user(userId, "Dmitri", "ru");
		ObjectNode first = privateMessage(nextId(), 1, from, "Первое");
		ObjectNode second = privateMessage(nextId(), 2, from, "Второе");
		telegram.queueUpdate(token, first);
		telegram.queueUpdate(token, second);
		// Telegram hands an update again until a later offset confirms it: this one comes twice
		telegram.queueUpdate(token, second);

		String[] bot = { token, key, null };
		Await.until(Duration.ofSeconds(20), "both messages stored",
				() -> conversations.chat(TelegramBots.CHANNEL, key, String.valueOf(userId))
					.map(c -> conversations.messages(c.id()).size() == 2)
					.orElse(false));
		assertThat(cases.publicMessages(caseOf(bot, userId))).extracting(Message::body).containsExactly("Первое", "Второе");
		// the next poll asks from past the last stored update
		long last = second.path("update_id").asLong();
		Await.until(Duration.ofSeconds(20), "the offset moved past the stored updates",
				() -> telegram.calls(token, "getUpdates").stream()
					.anyMatch(c -> c.parameters().path("offset").asLong() == last + 1));
		assertThat(awaitSent(token, String.valueOf(userId), 1).get(0).text()).startsWith("Спасибо, мы получили ваше обращение.");
		bots.remove(key);
	}
}
