package org.ombud.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.support.FakeTelegram.Updates.nextId;
import static org.ombud.support.FakeTelegram.Updates.privateMessage;
import static org.ombud.support.FakeTelegram.Updates.user;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseView;
import org.ombud.shared.Actor;
import org.ombud.support.FakeTelegram;

/**
 * Agents' replies through the outbox to a Telegram chat while the Bot API misbehaves (429 with retry_after,
 * 500): every reply arrives once, in order, no faster than one a second in the chat.
 */
class TelegramOutboundTests extends TelegramTestSupport {

	@Test
	void repliesArriveOnceInOrderWithinThePaceDespiteFaults() {
		String[] bot = webhookBot();
		long userId = newUserId();
		String chat = String.valueOf(userId);
		assertThat(post(bot, privateMessage(nextId(), 1, user(userId, "Nina", "en"), "Help"))).isEqualTo(200);
		awaitSent(bot[0], chat, 1);
		CaseView c = caseOf(bot, userId);

		telegram.fault(bot[0], "sendMessage", new FakeTelegram.TooManyRequests(2), new FakeTelegram.ServerError(),
				new FakeTelegram.TooManyRequests(1));
		for (int i = 1; i <= 4; i++) {
			cases.reply(c.id(), "Reply " + i, Actor.SYSTEM);
		}
		List<FakeTelegram.Call> sent = awaitSent(bot[0], chat, 5).subList(1, 5);
		assertThat(sent).extracting(FakeTelegram.Call::text).containsExactly("Reply 1", "Reply 2", "Reply 3", "Reply 4");
		for (int i = 1; i < sent.size(); i++) {
			assertThat(Duration.between(sent.get(i - 1).at(), sent.get(i).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		}
		// the 429 asked for two seconds: nothing went to the chat before they passed
		List<FakeTelegram.Call> attempts = telegram.calls(bot[0], "sendMessage").stream()
			.filter(call -> chat.equals(call.chatId()))
			.toList();
		assertThat(attempts).hasSize(1 + 4 + 3);
		assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
		assertThat(telegram.calls(bot[0], "sendChatAction")).isNotEmpty();
	}
}
