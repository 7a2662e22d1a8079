package org.ombud.telegram.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ombud.channels.OutboundMessage.Button;
import org.ombud.outbox.Outbox;
import org.ombud.outbox.Outgoing;
import org.ombud.telegram.TelegramBots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the bot says by itself, in the person's language: queued in the outbox inside the transaction that
 * caused it (so a rolled-back update says nothing, a committed one is answered once), and the answers to button
 * presses, which Telegram wants at once and which are sent only after the press has been stored.
 */
@Component
class Replies {

	private static final Logger log = LoggerFactory.getLogger(Replies.class);

	private final Outbox outbox;

	private final MessageSource messages;

	private final BotApi api;

	private final BotRegistry registry;

	Replies(Outbox outbox, MessageSource messages, BotApi api, BotRegistry registry) {
		this.outbox = outbox;
		this.messages = messages;
		this.api = api;
		this.registry = registry;
	}

	String text(String language, String key, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag(language));
	}

	/** Queues a message of the bot to a chat; {@code replyTo} is the Telegram id of the message it answers. */
	long send(String botKey, String chatId, String text, String replyTo, List<List<Button>> keyboard) {
		return outbox.enqueue(new Outgoing(null, TelegramBots.CHANNEL, botKey, chatId, text, replyTo, true, false,
				keyboard));
	}

	/** Answers a button press once the transaction that stored its effect has committed. */
	void answerCallback(String botKey, String callbackId, String text) {
		if (callbackId == null) {
			return;
		}
		Runnable answer = () -> registry.token(botKey).ifPresent(token -> {
			try {
				api.call(token, "answerCallbackQuery",
						text == null ? Map.of("callback_query_id", callbackId)
								: Map.of("callback_query_id", callbackId, "text", text));
			}
			catch (BotApi.Unreachable e) {
				// the button's spinner stops by itself; what the press did is stored
				log.debug("Telegram: callback not answered: {}", e.getMessage());
			}
		});
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					answer.run();
				}
			});
		}
		else {
			answer.run();
		}
	}
}
