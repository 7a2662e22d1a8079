package org.ombud.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.support.FakeTelegram.Updates.nextId;
import static org.ombud.support.FakeTelegram.Updates.privateMessage;
import static org.ombud.support.FakeTelegram.Updates.user;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** The webhook's door: only Telegram, with the bot's secret, gets in; nothing else is stored. */
class TelegramWebhookTests extends TelegramTestSupport {

	@Test
	void aMissingOrWrongSecretIsRefusedAndNothingIsStored() {
		String[] bot = webhookBot();
		long userId = newUserId();
		ObjectNode update = privateMessage(nextId(), 1, user(userId, "Mallory", "en"), "Fake complaint");
		assertThat(post(bot[1], null, update.toString())).isEqualTo(401);
		assertThat(post(bot[1], "", update.toString())).isEqualTo(401);
		assertThat(post(bot[1], bot[2] + "x", update.toString())).isEqualTo(403);
		assertThat(post(bot[1], bot[2].substring(1), update.toString())).isEqualTo(403);
		// the secret of one bot does not open another bot's door, nor an unknown one's
		String[] other = webhookBot();
		assertThat(post(other[1], bot[2], update.toString())).isEqualTo(403);
		assertThat(post("123", bot[2], update.toString())).isEqualTo(403);
		assertThat(contacts.findByIdentity(TelegramBots.CHANNEL, String.valueOf(userId))).isEmpty();
		assertThat(conversations.chat(TelegramBots.CHANNEL, bot[1], String.valueOf(userId))).isEmpty();

		// the same update with the right secret is taken
		assertThat(post(bot, update)).isEqualTo(200);
		assertThat(caseOf(bot, userId).subject()).isEqualTo("Fake complaint");
	}

	@Test
	void whatIsNoUpdateIsABadRequest() {
		String[] bot = webhookBot();
		assertThat(post(bot[1], bot[2], "{not json")).isEqualTo(400);
		assertThat(post(bot[1], bot[2], "{\"message\":{}}")).isEqualTo(400);
		// an update of a kind we do not act on is taken and acknowledged, so Telegram does not resend it
		assertThat(post(bot[1], bot[2], "{\"update_id\":" + nextId() + ",\"poll\":{\"id\":\"1\"}}")).isEqualTo(200);
	}

	@Test
	void settingUpTheWebhookGivesTelegramOurAddressAndTheSecret() {
		String[] bot = webhookBot();
		var call = telegram.calls(bot[0], "setWebhook").getLast();
		assertThat(call.parameters().path("url").asString()).endsWith("/telegram/webhook/" + bot[1]);
		assertThat(call.parameters().path("secret_token").asString()).matches("[A-Za-z0-9_-]{40,}");
		assertThat(call.parameters().path("allowed_updates").toString()).contains("message", "edited_message",
				"callback_query", "my_chat_member");
		assertThat(bots.bot(bot[1]).orElseThrow().mode()).isEqualTo(BotMode.WEBHOOK);

		bots.removeWebhook(bot[1]);
		assertThat(telegram.calls(bot[0], "deleteWebhook")).hasSize(1);
		assertThat(bots.bot(bot[1]).orElseThrow().mode()).isEqualTo(BotMode.POLLING);
		assertThat(bots.bot(bot[1]).orElseThrow().hasWebhook()).isFalse();
	}
}
