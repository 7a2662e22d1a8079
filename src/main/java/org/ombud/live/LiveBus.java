package org.ombud.live;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends {@link LiveSignal}s to every subscriber once the current transaction commits (at once outside one);
 * a rolled-back change signals nothing.
 */
@Service
public class LiveBus {

	private static final Logger log = LoggerFactory.getLogger(LiveBus.class);

	private final Set<Consumer<LiveSignal>> subscribers = new CopyOnWriteArraySet<>();

	/** Signals after commit. */
	public void publish(LiveSignal signal) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(signal);
				}
			});
		}
		else {
			deliver(signal);
		}
	}

	/** Hears every signal until the returned handle is closed. */
	public AutoCloseable subscribe(Consumer<LiveSignal> subscriber) {
		subscribers.add(subscriber);
		return () -> subscribers.remove(subscriber);
	}

	/** Hands a signal to this node's subscribers. */
	protected void deliver(LiveSignal signal) {
		for (Consumer<LiveSignal> subscriber : subscribers) {
			try {
				subscriber.accept(signal);
			}
			catch (RuntimeException e) {
				log.warn("A live subscriber failed on {}", signal, e);
			}
		}
	}
}
