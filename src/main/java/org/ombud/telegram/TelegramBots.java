package org.ombud.telegram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.shared.Tokens;
import org.ombud.telegram.internal.BotApi;
import org.ombud.telegram.internal.BotRegistry;
import org.ombud.telegram.internal.BotStore;
import org.ombud.telegram.internal.Updates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The Telegram bots of the desk, for the console: add one by its token (checked with {@code getMe}), remove
 * it, set up or remove its webhook, see what its self-service menu achieved. A token is taken once and never
 * shown, returned or logged again. Each change is one statement after Telegram's answer: no transaction (and
 * no database connection) waits on Telegram.
 */
@Service
public class TelegramBots {

	/** The channel key of Telegram conversations and cases. */
	public static final String CHANNEL = "telegram";

	/** The path Telegram posts a bot's updates to; the bot's key follows. */
	public static final String WEBHOOK_PATH = "/telegram/webhook/";

	private static final Logger log = LoggerFactory.getLogger(TelegramBots.class);

	private final BotStore store;

	private final BotRegistry registry;

	private final BotApi api;

	private final String publicUrl;

	TelegramBots(BotStore store, BotRegistry registry, BotApi api, @Value("${ombud.public-url}") String publicUrl) {
		this.store = store;
		this.registry = registry;
		this.api = api;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	public List<TelegramBot> bots() {
		return registry.bots().stream().map(TelegramBots::view).toList();
	}

	public java.util.Optional<TelegramBot> bot(String key) {
		return registry.bot(key).map(TelegramBots::view);
	}

	/** Adds a bot by its token once Telegram confirms the token ({@code getMe}); it starts in polling mode. */
	public TelegramBot add(String token) {
		String t = token == null ? "" : token.strip();
		if (!BotRegistry.isToken(t)) {
			throw Rejected.of("token", "error.telegram.token");
		}
		BotApi.Answer me;
		try {
			me = api.call(t, "getMe", Map.of());
		}
		catch (BotApi.Unreachable e) {
			log.warn("Telegram: could not check a new bot's token: {}", e.getMessage());
			throw Rejected.of("token", "error.telegram.unreachable");
		}
		if (!me.ok() || me.result() == null) {
			throw Rejected.of("token", "error.telegram.token.refused");
		}
		String key = String.valueOf(me.result().path("id").asLong());
		if (!t.startsWith(key + ":")) {
			throw Rejected.of("token", "error.telegram.token.refused");
		}
		String username = Updates.text(me.result(), "username");
		if (!store.insert(key, username, t, false, BotMode.POLLING, Tokens.random(32))) {
			throw Rejected.of("token", "error.telegram.bot.exists");
		}
		registry.changed();
		log.info("Telegram: bot {} (@{}) added in the console", key, username);
		return store.bot(key).map(TelegramBots::view).orElseThrow();
	}

	/** Removes a bot added in the console (its webhook too, if Telegram can be reached). */
	public void remove(String key) {
		BotStore.BotRow bot = registry.bot(key).orElseThrow(() -> new NotFound("bot"));
		if (bot.fromConfiguration()) {
			throw Rejected.of(null, "error.telegram.bot.configured");
		}
		if (bot.webhookUrl() != null) {
			try {
				api.call(bot.token(), "deleteWebhook", Map.of());
			}
			catch (BotApi.Unreachable e) {
				log.warn("Telegram: could not remove the webhook of bot {} while removing it", key);
			}
		}
		store.delete(key);
		registry.changed();
		log.info("Telegram: bot {} removed in the console", key);
	}

	/** Points Telegram at our webhook for this bot, with its secret; the bot is no longer polled. */
	public TelegramBot setWebhook(String key) {
		BotStore.BotRow bot = registry.bot(key).orElseThrow(() -> new NotFound("bot"));
		String url = webhookUrl(key);
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("url", url);
		parameters.put("secret_token", bot.webhookSecret());
		parameters.put("allowed_updates", Updates.ALLOWED);
		parameters.put("max_connections", 40);
		BotApi.Answer answer = callOrRefuse(key, "setWebhook", parameters);
		if (!answer.ok()) {
			throw Rejected.of(null, "error.telegram.webhook", describe(answer));
		}
		store.updateWebhook(key, url, BotMode.WEBHOOK);
		registry.changed();
		return store.bot(key).map(TelegramBots::view).orElseThrow();
	}

	/** Removes the webhook; Telegram keeps the updates until the bot is polled again, which it now is. */
	public TelegramBot removeWebhook(String key) {
		registry.bot(key).orElseThrow(() -> new NotFound("bot"));
		BotApi.Answer answer = callOrRefuse(key, "deleteWebhook", Map.of("drop_pending_updates", false));
		if (!answer.ok()) {
			throw Rejected.of(null, "error.telegram.webhook", describe(answer));
		}
		store.updateWebhook(key, null, BotMode.POLLING);
		registry.changed();
		return store.bot(key).map(TelegramBots::view).orElseThrow();
	}

	public HelpStats helpStats(String key) {
		return new HelpStats(key, store.peopleHelped(key), store.helpedWithoutCase(key), store.helpedByTopic(key));
	}

	public String webhookUrl(String key) {
		return publicUrl + WEBHOOK_PATH + key;
	}

	/**
	 * Once started: the configured bots' names from {@code getMe}, and their webhooks where the configuration
	 * asks for one. In the background, so that an unreachable Telegram delays nothing.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void configureOnStart() {
		if (registry.configuredModes().isEmpty()) {
			return;
		}
		Thread.ofVirtual().name("telegram-setup").start(() -> registry.configuredModes().forEach((key, mode) -> {
			try {
				String token = registry.token(key).orElseThrow();
				BotApi.Answer me = api.call(token, "getMe", Map.of());
				if (me.ok() && me.result() != null) {
					store.updateUsername(key, Updates.text(me.result(), "username"));
				}
				if (mode == BotMode.WEBHOOK) {
					setWebhook(key);
				}
				registry.changed();
			}
			catch (RuntimeException e) {
				log.warn("Telegram: could not set up bot {} on start: {}", key, e.getMessage());
			}
		}));
	}

	private BotApi.Answer callOrRefuse(String key, String method, Map<String, ?> parameters) {
		try {
			return api.call(registry.token(key).orElseThrow(() -> new NotFound("bot")), method, parameters);
		}
		catch (BotApi.Unreachable e) {
			throw Rejected.of(null, "error.telegram.unreachable");
		}
	}

	private static String describe(BotApi.Answer answer) {
		String description = answer.description() == null ? "HTTP " + answer.status() : answer.description();
		return description.length() > 200 ? description.substring(0, 200) : description;
	}

	private static TelegramBot view(BotStore.BotRow row) {
		return new TelegramBot(row.key(), row.username(), row.mode(), row.fromConfiguration(), row.webhookUrl(),
				row.createdAt());
	}
}
