package org.ombud.telegram.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.ombud.telegram.BotMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Long polling for the bots in polling mode. Each node runs a worker per such bot, but only the node holding
 * the bot's lease (a row in the database, renewed before every poll) polls it, so one bot has one poller across
 * the cluster. Updates are taken in order; the offset passed to Telegram moves past an update only once it has
 * been stored (its transaction committed), so a crash at any point makes Telegram hand the same updates again,
 * which then change nothing.
 */
@Component
class TelegramPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);

	private static final Duration IDLE = Duration.ofSeconds(1);

	private final BotRegistry registry;

	private final BotStore store;

	private final BotApi api;

	private final UpdateReceiver receiver;

	private final TelegramProperties properties;

	private final Clock clock;

	private final String node = "node-" + UUID.randomUUID();

	private final Map<String, Thread> workers = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread supervisor;

	TelegramPoller(BotRegistry registry, BotStore store, BotApi api, UpdateReceiver receiver,
			TelegramProperties properties, Clock clock) {
		this.registry = registry;
		this.store = store;
		this.api = api;
		this.receiver = receiver;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (!properties.pollingEnabled()) {
			return;
		}
		running = true;
		supervisor = Thread.ofVirtual().name("telegram-pollers").start(this::supervise);
	}

	@Override
	public void stop() {
		running = false;
		if (supervisor != null) {
			supervisor.interrupt();
		}
		workers.values().forEach(Thread::interrupt);
		for (Thread worker : workers.values()) {
			try {
				worker.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		workers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Starts a worker for every polling bot that has none on this node. */
	private void supervise() {
		while (running) {
			try {
				for (BotStore.BotRow bot : registry.bots()) {
					if (bot.mode() == BotMode.POLLING) {
						workers.compute(bot.key(), (key, worker) -> worker != null && worker.isAlive() ? worker
								: Thread.ofVirtual().name("telegram-poll-" + key).start(() -> work(key)));
					}
				}
			}
			catch (RuntimeException e) {
				log.warn("Telegram: could not list the bots to poll: {}", e.toString());
			}
			if (!pause(IDLE)) {
				return;
			}
		}
	}

	private void work(String key) {
		try {
			while (running) {
				BotStore.BotRow bot = registry.bot(key).filter(b -> b.mode() == BotMode.POLLING).orElse(null);
				if (bot == null) {
					return;
				}
				Instant now = clock.instant();
				if (!store.lease(key, node, now, now.plus(properties.lease()))) {
					if (!pause(IDLE.multipliedBy(2))) {
						return;
					}
					continue;
				}
				if (!poll(key) && !pause(IDLE)) {
					return;
				}
			}
		}
		catch (RuntimeException e) {
			if (running) {
				log.warn("Telegram: poller of bot {} stopped: {}", key, e.toString());
			}
		}
		finally {
			try {
				store.release(key, node);
			}
			catch (RuntimeException e) {
				// the lease runs out by itself
			}
		}
	}

	/** One long poll; false when it failed and the worker should wait a little before the next one. */
	private boolean poll(String key) {
		String token = registry.token(key).orElse(null);
		BotStore.BotRow row = store.bot(key).orElse(null);
		if (token == null || row == null) {
			return false;
		}
		BotApi.Answer answer;
		try {
			answer = api.getUpdates(token, row.pollOffset(), properties.pollTimeout(), Updates.ALLOWED);
		}
		catch (BotApi.Unreachable e) {
			if (running) {
				log.warn("Telegram: polling bot {}: {}", key, e.getMessage());
			}
			return false;
		}
		if (answer.is(409)) {
			// Telegram has a webhook for the bot. If the database (not this node's cached view, which may be a few
			// seconds old) still says the bot is polled, the webhook is a leftover and polling wins; otherwise the
			// bot has just been switched to its webhook and this worker stops.
			boolean stillPolled = store.bot(key).map(b -> b.mode() == BotMode.POLLING && b.webhookUrl() == null).orElse(false);
			if (stillPolled) {
				log.info("Telegram: bot {} still had a webhook; removing it to poll", key);
				api.call(token, "deleteWebhook", Map.of("drop_pending_updates", false));
			}
			return false;
		}
		if (!answer.ok() || answer.result() == null || !answer.result().isArray()) {
			log.warn("Telegram: getUpdates of bot {} refused: HTTP {} {}", key, answer.status(), answer.description());
			return false;
		}
		for (JsonNode update : answer.result()) {
			if (!running) {
				return true;
			}
			long updateId = update.path("update_id").asLong(-1);
			if (updateId < 0) {
				continue;
			}
			// throws when the update could not even be kept: the offset stays, the update comes again
			receiver.receive(key, update);
			store.advanceOffset(key, updateId + 1);
		}
		return true;
	}

	private boolean pause(Duration duration) {
		try {
			Thread.sleep(duration);
			return running;
		}
		catch (InterruptedException e) {
			return false;
		}
	}
}
