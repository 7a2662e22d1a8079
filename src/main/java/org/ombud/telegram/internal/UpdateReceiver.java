package org.ombud.telegram.internal;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Where every update comes in, from the webhook or the poller. An update already taken is answered at once;
 * otherwise its file (if any) is fetched first, outside any transaction, then the update is applied in one
 * transaction ({@link UpdateApplier}). A clash with a concurrent update of the same chat (two first messages at
 * once) is retried. An update that cannot be applied is kept with its JSON as failed, so it is neither lost nor
 * retried forever; only when even that cannot be stored (the database is down) does this throw, and the caller
 * must not acknowledge the update.
 */
@Component
public class UpdateReceiver {

	private static final Logger log = LoggerFactory.getLogger(UpdateReceiver.class);

	private static final int ATTEMPTS = 4;

	private final UpdateApplier applier;

	private final BotStore store;

	private final BotRegistry registry;

	private final FileFetcher files;

	private final MeterRegistry meters;

	UpdateReceiver(UpdateApplier applier, BotStore store, BotRegistry registry, FileFetcher files, MeterRegistry meters) {
		this.applier = applier;
		this.store = store;
		this.registry = registry;
		this.files = files;
		this.meters = meters;
	}

	/** Takes one update; returns its outcome (APPLIED, IGNORED, REPLAYED, FAILED), or null when it is no update. */
	public String receive(String botKey, JsonNode json) {
		Updates.Update update = Updates.parse(json);
		if (update == null) {
			return null;
		}
		if (store.taken(botKey, update.updateId())) {
			count(UpdateApplier.REPLAYED);
			return UpdateApplier.REPLAYED;
		}
		Attachment attachment = attachment(botKey, update);
		RuntimeException last = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			try {
				String outcome = applier.apply(botKey, update, attachment);
				count(outcome);
				return outcome;
			}
			catch (TransientDataAccessException | DataIntegrityViolationException e) {
				last = e;
				pause(attempt);
			}
			catch (RuntimeException e) {
				last = e;
				break;
			}
		}
		log.error("Telegram: update {} of bot {} could not be applied; kept as failed", update.updateId(), botKey, last);
		applier.keepFailed(botKey, update.updateId(), json.toString());
		count(UpdateApplier.FAILED);
		return UpdateApplier.FAILED;
	}

	private Attachment attachment(String botKey, Updates.Update update) {
		Updates.Message m = update.message();
		if (m == null || m.file() == null || !m.chat().isPrivate()) {
			return null;
		}
		return registry.token(botKey).map(token -> files.fetch(token, m.file())).orElse(null);
	}

	private void count(String outcome) {
		meters.counter("ombud.telegram.updates", "outcome", outcome).increment();
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}
}
