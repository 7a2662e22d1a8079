package org.ombud.sla.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for clocks whose warning or due time has come, every {@code ombud.sla.detector.poll} (200 ms), on every
 * node. A node first leases the rows it will handle (an atomic conditional update: of two nodes only one gets a
 * row), then fires each in its own transaction; a node that dies mid-way loses its lease after
 * {@code ombud.sla.detector.lease} and another node takes the rows over. Time is the application's {@link Clock},
 * never the database's, so tests can move it.
 */
@Component
public class BreachDetector implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BreachDetector.class);

	private final ClockStore clocks;

	private final BreachHandler handler;

	private final Clock clock;

	private final boolean enabled;

	private final Duration poll;

	private final Duration lease;

	private final int batch;

	private final int workers;

	private final String node;

	private final AtomicLong rounds = new AtomicLong();

	private volatile ScheduledExecutorService scheduler;

	private volatile ExecutorService pool;

	@org.springframework.beans.factory.annotation.Autowired
	BreachDetector(ClockStore clocks, BreachHandler handler, Clock clock,
			@Value("${ombud.sla.detector.enabled:true}") boolean enabled,
			@Value("${ombud.sla.detector.poll:200ms}") Duration poll,
			@Value("${ombud.sla.detector.lease:30s}") Duration lease,
			@Value("${ombud.sla.detector.batch:200}") int batch,
			@Value("${ombud.sla.detector.workers:4}") int workers) {
		this(clocks, handler, clock, enabled, poll, lease, batch, workers, nodeName());
	}

	/** A detector with its own node name: tests start a second one to play a second node. */
	public BreachDetector(ClockStore clocks, BreachHandler handler, Clock clock, boolean enabled, Duration poll,
			Duration lease, int batch, int workers, String node) {
		this.clocks = clocks;
		this.handler = handler;
		this.clock = clock;
		this.enabled = enabled;
		this.poll = poll;
		this.lease = lease;
		this.batch = batch;
		this.workers = workers;
		this.node = node;
	}

	private static String nodeName() {
		// pid@host plus a random part: two contexts in one JVM are two nodes
		return (ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8))
			.substring(0, Math.min(64, ManagementFactory.getRuntimeMXBean().getName().length() + 9));
	}

	public String node() {
		return node;
	}

	@Override
	public synchronized void start() {
		if (!enabled || scheduler != null) {
			return;
		}
		pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("sla-fire-", 0).factory());
		scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sla-detector").factory());
		scheduler.scheduleWithFixedDelay(this::safeRound, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (scheduler == null) {
			return;
		}
		scheduler.shutdownNow();
		pool.shutdownNow();
		try {
			scheduler.awaitTermination(10, TimeUnit.SECONDS);
			pool.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		scheduler = null;
		pool = null;
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

	/** How many scans this detector has made (for tests that wait for one more). */
	public long rounds() {
		return rounds.get();
	}

	private void safeRound() {
		try {
			round();
		}
		catch (RuntimeException e) {
			log.warn("SLA detection round failed", e);
		}
		finally {
			rounds.incrementAndGet();
		}
	}

	/** Claims and fires everything due now, a batch at a time, until a scan comes back short. */
	int round() {
		int fired = 0;
		while (!Thread.currentThread().isInterrupted()) {
			Instant now = clock.instant();
			List<Long> candidates = clocks.fireable(now, batch);
			if (candidates.isEmpty()) {
				break;
			}
			String claimant = node + "#" + Long.toString(rounds.get(), 36);
			List<ClockRow> claimed = clocks.claim(candidates, claimant, now, now.plus(lease));
			fired += fire(claimed, claimant);
			if (candidates.size() < batch) {
				break;
			}
		}
		return fired;
	}

	private int fire(List<ClockRow> claimed, String claimant) {
		ExecutorService workers = pool;
		if (claimed.isEmpty() || workers == null) {
			return 0;
		}
		List<Future<?>> running = new ArrayList<>();
		for (ClockRow c : claimed) {
			running.add(workers.submit(() -> {
				try {
					handler.fire(c.id(), claimant);
				}
				catch (BreachHandler.ClockMoved e) {
					clocks.release(c.id(), claimant);
				}
				catch (RuntimeException e) {
					// the lease runs out and the clock is tried again then
					log.warn("SLA clock {} could not be fired", c.id(), e);
				}
			}));
		}
		for (Future<?> f : running) {
			try {
				f.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (java.util.concurrent.ExecutionException e) {
				log.warn("SLA firing failed", e);
			}
		}
		return claimed.size();
	}
}
