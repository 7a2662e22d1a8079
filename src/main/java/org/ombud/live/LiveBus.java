package org.ombud.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.ombud.live.internal.LiveTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends {@link LiveSignal}s to every subscriber on every node once the current transaction commits (at once
 * outside one); a rolled-back change signals nothing. Within one transaction a signal is sent once however
 * often it is published: "case 7 changed" three times is still one refresh.
 * <p>
 * This node's subscribers hear a signal straight away; the other nodes hear it through the transport
 * (PostgreSQL {@code NOTIFY}), which never hands a node back its own signals.
 */
@Service
public class LiveBus {

	private static final Logger log = LoggerFactory.getLogger(LiveBus.class);

	private final Set<Consumer<LiveSignal>> subscribers = new CopyOnWriteArraySet<>();

	private final LiveTransport transport;

	/** A bus for this node alone (no other nodes to tell). */
	public LiveBus() {
		this(LiveTransport.LOCAL);
	}

	@Autowired
	LiveBus(LiveTransport transport) {
		this.transport = transport;
		transport.receiveWith(this::deliver);
	}

	/** Signals after commit. */
	public void publish(LiveSignal signal) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			send(signal);
			return;
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.add(signal);
	}

	/** Hears every signal until the returned handle is closed. */
	public AutoCloseable subscribe(Consumer<LiveSignal> subscriber) {
		subscribers.add(subscriber);
		return () -> subscribers.remove(subscriber);
	}

	private void send(LiveSignal signal) {
		deliver(signal);
		try {
			transport.send(signal);
		}
		catch (RuntimeException e) {
			log.warn("Could not pass {} to the other nodes", signal, e);
		}
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

	/**
	 * The signals of one transaction, one per topic and id, in the order first published; a later known team
	 * wins over an earlier unknown one. Bound to the transaction as a resource, so a nested REQUIRES_NEW
	 * transaction (which suspends this one) collects and sends its own.
	 */
	private final class Pending implements TransactionSynchronization {

		private final Map<String, LiveSignal> signals = new LinkedHashMap<>();

		private boolean committed;

		void add(LiveSignal signal) {
			if (committed) {
				// published by a subscriber while the committed ones go out: nothing left to wait for
				send(signal);
				return;
			}
			signals.merge(signal.topic() + ":" + signal.id(), signal,
					(earlier, later) -> later.teamId() == null ? earlier : later);
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(LiveBus.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(LiveBus.this, this);
		}

		@Override
		public void afterCommit() {
			committed = true;
			List.copyOf(signals.values()).forEach(LiveBus.this::send);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(LiveBus.this);
		}
	}
}
