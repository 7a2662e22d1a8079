package org.ombud.telegram.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ombud.channels.ChannelAdapter;
import org.ombud.channels.Delivery;
import org.ombud.channels.OutboundMessage;
import org.ombud.telegram.TelegramBots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox delivers on Telegram: "typing…" first (unless the message says not to), then the text
 * as plain text in parts of at most 4096 characters, the first part as a reply when asked, the buttons under the
 * last part. Telegram's answers become {@link Delivery}s: 429 → wait {@code retry_after}; 403 (blocked, kicked)
 * and 400 (chat not found, bad request) → failed for good; 5xx and no connection → failed for now, try again.
 * A request that went out and got no answer may have been delivered: that one throws, so the outbox does not
 * send it a second time by itself.
 */
@Component
class TelegramAdapter implements ChannelAdapter {

	private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);

	/** Longest wait inside one delivery, between the parts of a long message, for Telegram's 429 or a 5xx. */
	static final Duration MAX_WAIT_BETWEEN_PARTS = Duration.ofSeconds(30);

	private final BotApi api;

	private final BotRegistry registry;

	TelegramAdapter(BotApi api, BotRegistry registry) {
		this.api = api;
		this.registry = registry;
	}

	@Override
	public String channel() {
		return TelegramBots.CHANNEL;
	}

	@Override
	public Limits limits() {
		// Telegram's published pace: about one message a second to one chat, thirty a second per bot
		return new Limits(Duration.ofSeconds(1), 30);
	}

	@Override
	public Delivery send(OutboundMessage message) {
		String token = registry.token(message.endpointKey()).orElse(null);
		if (token == null) {
			return new Delivery.Failed("telegram bot " + message.endpointKey() + " is not configured", true);
		}
		List<String> parts = TextSplitter.split(message.text());
		if (parts.isEmpty()) {
			return new Delivery.Failed("empty message", true);
		}
		if (!message.noTyping()) {
			typing(token, message.chatId());
		}
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			Map<String, Object> parameters = parameters(message, parts.get(i), i == 0, i == parts.size() - 1);
			if (i == 0) {
				BotApi.Answer answer;
				try {
					answer = api.call(token, "sendMessage", parameters);
				}
				catch (BotApi.Unreachable e) {
					if (e.maybeReceived()) {
						throw e;
					}
					return new Delivery.Failed(e.getMessage(), false);
				}
				if (!answer.ok()) {
					return refusal(answer);
				}
				sent.add(messageId(answer));
			}
			else {
				// earlier parts are out: a retry of the whole message would repeat them, so this part is
				// retried here, and given up for good (not repeated) when Telegram keeps refusing it
				Object result = sendPart(token, parameters, sent.size(), parts.size());
				if (result instanceof Delivery.Failed failed) {
					return failed;
				}
				sent.add((String) result);
			}
		}
		return new Delivery.Sent(sent);
	}

	private Object sendPart(String token, Map<String, Object> parameters, int index, int total) {
		long waited = 0;
		for (int attempt = 1;; attempt++) {
			BotApi.Answer answer;
			try {
				answer = api.call(token, "sendMessage", parameters);
			}
			catch (BotApi.Unreachable e) {
				if (e.maybeReceived() || attempt >= 3) {
					return new Delivery.Failed("sent " + index + " of " + total + " parts; then " + e.getMessage(), true);
				}
				answer = null;
			}
			if (answer != null && answer.ok()) {
				return messageId(answer);
			}
			long wait = answer != null && answer.is(429) ? Math.max(1, answer.retryAfter() == null ? 1 : answer.retryAfter()) * 1000L
					: answer == null || answer.status() >= 500 ? 500L * attempt : -1;
			if (wait < 0 || waited + wait > MAX_WAIT_BETWEEN_PARTS.toMillis() || attempt >= 5) {
				return new Delivery.Failed("sent " + index + " of " + total + " parts; then "
						+ (answer == null ? "no connection" : describe(answer)), true);
			}
			sleep(wait);
			waited += wait;
		}
	}

	private void typing(String token, String chatId) {
		try {
			api.call(token, "sendChatAction", Map.of("chat_id", chatId, "action", "typing"));
		}
		catch (BotApi.Unreachable e) {
			// only a hint; the message itself decides how the delivery went
			log.debug("Telegram: typing hint not sent: {}", e.getMessage());
		}
	}

	static Map<String, Object> parameters(OutboundMessage message, String text, boolean first, boolean last) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("chat_id", message.chatId());
		parameters.put("text", text);
		parameters.put("link_preview_options", Map.of("is_disabled", message.noLinkPreview()));
		if (first && message.replyToExternalId() != null && message.replyToExternalId().matches("\\d{1,18}")) {
			parameters.put("reply_parameters",
					Map.of("message_id", Long.parseLong(message.replyToExternalId()), "allow_sending_without_reply", true));
		}
		if (last && !message.keyboard().isEmpty()) {
			List<List<Map<String, String>>> rows = new ArrayList<>();
			for (List<OutboundMessage.Button> row : message.keyboard()) {
				rows.add(row.stream().map(b -> Map.of("text", b.text(), "callback_data", b.data())).toList());
			}
			parameters.put("reply_markup", Map.of("inline_keyboard", rows));
		}
		return parameters;
	}

	/** How a refusal of the first part maps to a delivery outcome. */
	static Delivery refusal(BotApi.Answer answer) {
		if (answer.is(429)) {
			return new Delivery.RetryAfter(Duration.ofSeconds(answer.retryAfter() == null ? 1 : Math.max(1, answer.retryAfter())));
		}
		if (answer.is(403) || answer.is(400)) {
			// blocked by the user, kicked from the group, chat not found, text refused: trying again cannot help
			return new Delivery.Failed(describe(answer), true);
		}
		return new Delivery.Failed(describe(answer), false);
	}

	private static String messageId(BotApi.Answer answer) {
		return String.valueOf(answer.result().path("message_id").asLong());
	}

	private static String describe(BotApi.Answer answer) {
		String text = "HTTP " + answer.status() + (answer.description() == null ? "" : " " + answer.description());
		return text.length() > 300 ? text.substring(0, 300) : text;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to send", e);
		}
	}
}
