package org.ombud.telegram;

import java.time.Instant;

/**
 * A bot as the console shows it. Never carries its token: {@code key} is the bot's numeric id (the public part
 * of the token), {@code fromConfiguration} whether it is declared in the configuration (and so cannot be
 * removed in the console), {@code webhookUrl} where Telegram sends its updates (null when polled).
 */
public record TelegramBot(String key, String username, BotMode mode, boolean fromConfiguration, String webhookUrl,
		Instant createdAt) {

	public boolean hasWebhook() {
		return webhookUrl != null;
	}
}
