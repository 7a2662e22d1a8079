package org.ombud.telegram.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ombud.shared.ShortLivedCache;
import org.ombud.shared.Tokens;
import org.ombud.telegram.BotMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The bots this node may speak for: those of the configuration (token from the configuration only) and those
 * added in the console (token in the database). Each has a row with its webhook secret, created on first start
 * by whichever node comes first. Rows are read at most every few seconds, so other nodes see a bot added in the
 * console within that time.
 */
@Component
public class BotRegistry implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BotRegistry.class);

	/** {@code <bot id>:<secret>}, as BotFather hands them out. */
	static final Pattern TOKEN = Pattern.compile("(\\d{1,20}):[A-Za-z0-9_-]{20,100}");

	private final BotStore store;

	private final Map<String, String> configuredTokens = new LinkedHashMap<>();

	private final Map<String, BotMode> configuredModes = new LinkedHashMap<>();

	private final ShortLivedCache<Map<String, BotStore.BotRow>> rows = new ShortLivedCache<>(Duration.ofSeconds(3));

	BotRegistry(BotStore store, TelegramProperties properties) {
		this.store = store;
		int index = 0;
		for (TelegramProperties.Bot bot : properties.bots()) {
			String token = bot.token() == null ? "" : bot.token().strip();
			if (!TOKEN.matcher(token).matches()) {
				// say which entry, never what it holds
				throw new IllegalStateException("ombud.telegram.bots[" + index + "].token is not a bot token");
			}
			String key = keyOf(token);
			configuredTokens.put(key, token);
			configuredModes.put(key, BotMode.of(bot.mode()));
			index++;
		}
	}

	public static boolean isToken(String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

	/** The bot's key: its numeric id, the public part of the token. */
	static String keyOf(String token) {
		return token.substring(0, token.indexOf(':'));
	}

	@Override
	public void afterSingletonsInstantiated() {
		configuredTokens.keySet().forEach(key -> {
			store.insert(key, null, null, true, configuredModes.get(key), Tokens.random(32));
			store.adoptConfigured(key, configuredModes.get(key));
		});
		if (!configuredTokens.isEmpty()) {
			log.info("Telegram: {} bot(s) from the configuration: {}", configuredTokens.size(), configuredTokens.keySet());
		}
		rows.invalidate();
	}

	/** The bots that have a token on this node, oldest first. */
	public List<BotStore.BotRow> bots() {
		return rows().values().stream().filter(b -> token(b).isPresent()).toList();
	}

	public Optional<BotStore.BotRow> bot(String key) {
		return Optional.ofNullable(rows().get(key)).filter(b -> token(b).isPresent());
	}

	public Optional<String> token(String key) {
		return bot(key).flatMap(this::token);
	}

	public boolean configured(String key) {
		return configuredTokens.containsKey(key);
	}

	public Map<String, BotMode> configuredModes() {
		return Map.copyOf(configuredModes);
	}

	/** Forgets the cached rows at once (on this node) after a change. */
	public void changed() {
		rows.invalidate();
	}

	private Optional<String> token(BotStore.BotRow row) {
		return row.fromConfiguration() ? Optional.ofNullable(configuredTokens.get(row.key()))
				: Optional.ofNullable(row.token());
	}

	private Map<String, BotStore.BotRow> rows() {
		return rows.get(() -> store.bots()
			.stream()
			.collect(Collectors.toMap(BotStore.BotRow::key, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
	}
}
