package org.ombud.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's sliding window per endpoint (a second and the pace margin): a call starts only when fewer than the
 * endpoint's rate started within it. The shared slots in the database spread the sends of all nodes; a send that
 * starts late (a slow thread, a slow row read) could still bunch up with the next ones, and this window stops
 * that on the node itself. Times come from the injected clock.
 */
class EndpointWindows {

	private final Clock clock;

	/** A second, and the margin. */
	private final Duration window;

	private final Map<String, ArrayDeque<Instant>> windows = new ConcurrentHashMap<>();

	EndpointWindows(Clock clock, Duration window) {
		this.clock = clock;
		this.window = window;
	}

	/** Waits for room in the endpoint's window and returns the time the call may start, now. */
	Instant enter(String channel, String endpointKey, int perSecond) throws InterruptedException {
		if (perSecond <= 0 || perSecond == Integer.MAX_VALUE) {
			return clock.instant();
		}
		ArrayDeque<Instant> starts = windows.computeIfAbsent(channel + "\n" + endpointKey, k -> new ArrayDeque<>());
		while (true) {
			Duration wait;
			synchronized (starts) {
				Instant now = clock.instant();
				while (!starts.isEmpty() && !starts.peekFirst().plus(window).isAfter(now)) {
					starts.pollFirst();
				}
				if (starts.size() < perSecond) {
					starts.addLast(now);
					return now;
				}
				wait = Duration.between(now, starts.peekFirst().plus(window));
			}
			Thread.sleep(Math.max(1, Math.min(wait.toMillis() + 1, 20)));
		}
	}
}
