package org.ombud.live.internal;

import java.util.function.Consumer;

import org.ombud.live.LiveSignal;
import org.springframework.boot.health.contributor.Health;

/** Carries committed signals between the nodes of one desk. */
public interface LiveTransport {

	/** One node alone (the embedded H2 database): nothing to carry. */
	LiveTransport LOCAL = new LiveTransport() {
		@Override
		public void send(LiveSignal signal) {
		}

		@Override
		public void receiveWith(Consumer<LiveSignal> local) {
		}

		@Override
		public Health health() {
			return Health.up().withDetail("transport", "in-process").build();
		}
	};

	/** Tells the other nodes; never blocks the caller on the network. */
	void send(LiveSignal signal);

	/** Where signals from the other nodes go. */
	void receiveWith(Consumer<LiveSignal> local);

	Health health();
}
