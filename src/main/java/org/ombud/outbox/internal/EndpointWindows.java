package org.ombud.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's sliding one-second window per endpoint: a call starts only when fewer than the endpoint's rate
 * started in the last second. The shared slots in the database spread the sends of all nodes; a send that
 * starts late (a slow thread, a slow row read) could still bunch up with the next ones, and this window stops
 * that on the node itself. Times come from the injected clock.
 */
class EndpointWindows {

	private static final Duration WINDOW = Duration.ofSeconds(1);

	private final Clock clock;

	private final Map<String, ArrayDeque<Instant>> windows = new ConcurrentHashMap<>();

	EndpointWindows(Clock clock) {
		this.clock = clock;
	}

	/** Waits for room in the endpoint's window and returns the time the call may start, now. */
	Instant enter(String channel, String endpointKey, int perSecond) throws InterruptedException {
		if (perSecond <= 0 || perSecond == Integer.MAX_VALUE) {
			return clock.instant();
		}
		ArrayDeque<Instant> window = windows.computeIfAbsent(channel + "\n" + endpointKey, k -> new ArrayDeque<>());
		while (true) {
			Duration wait;
			synchronized (window) {
				Instant now = clock.instant();
				while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
					window.pollFirst();
				}
				if (window.size() < perSecond) {
					window.addLast(now);
					return now;
				}
				wait = Duration.between(now, window.peekFirst().plus(WINDOW));
			}
			Thread.sleep(Math.max(1, Math.min(wait.toMillis() + 1, 20)));
		}
	}
}
