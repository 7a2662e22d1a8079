package org.ombud.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ombud.channels.ChannelAdapter;
import org.ombud.channels.Delivery;
import org.ombud.channels.OutboundMessage;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox rows through the channel adapters. Runs on every node: a row is claimed in one short
 * transaction (guarded update, so only one node gets it) together with a send slot of its endpoint and the
 * chat's next allowed time; the claim commits before the channel is called; the outcome is recorded in a
 * second transaction. See the outbox section of docs/ARCHITECTURE.md for why nothing goes out twice.
 */
@Component
public class OutboxWorker implements SmartLifecycle {

	/** Reason stored when the channel may or may not have taken the message. */
	public static final String UNCLEAR = "outbox.unclear";

	/** Reason stored when a message could not be sent within the maximum age. */
	public static final String EXPIRED = "outbox.expired";

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private final OutboxStore store;

	private final MessageDeliveries deliveries;

	private final Conversations conversations;

	private final LiveBus live;

	private final Map<String, ChannelAdapter> adapters;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final OutboxSettings settings;

	private final Wakeup wakeup;

	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final AtomicLong claims = new AtomicLong();

	private final Semaphore inFlight;

	private final EndpointWindows windows;

	private volatile boolean running;

	private Thread loop;

	private ExecutorService senders;

	OutboxWorker(OutboxStore store, MessageDeliveries deliveries, Conversations conversations, LiveBus live,
			List<ChannelAdapter> adapters, PlatformTransactionManager transactions, Clock clock,
			OutboxSettings settings, Wakeup wakeup) {
		this.store = store;
		this.deliveries = deliveries;
		this.conversations = conversations;
		this.live = live;
		this.adapters = adapters.stream()
			.collect(Collectors.toMap(ChannelAdapter::channel, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
		this.wakeup = wakeup;
		this.inFlight = new Semaphore(settings.maxInFlight());
		this.windows = new EndpointWindows(clock);
	}

	@Override
	public synchronized void start() {
		if (running || !settings.enabled()) {
			return;
		}
		running = true;
		senders = Executors.newVirtualThreadPerTaskExecutor();
		loop = Thread.ofPlatform().daemon().name("outbox-" + node).start(this::run);
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		running = false;
		wakeup.now();
		try {
			loop.join(5_000);
			senders.shutdown();
			senders.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			try {
				int claimed = poll();
				if (claimed == 0) {
					wakeup.await(settings.poll());
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				// a database hiccup: the rows stay where they are; try again after a pause
				log.warn("Outbox poll failed: {}", e.getClass().getName());
				try {
					wakeup.await(settings.poll().multipliedBy(10));
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** One round: gives up rows whose holder vanished, claims what is due and hands it to senders. */
	int poll() {
		Instant now = clock.instant();
		recoverExpired(now);
		List<Claim> claimed = claimDue(now);
		for (Claim claim : claimed) {
			senders.submit(() -> {
				try {
					deliver(claim);
				}
				finally {
					inFlight.release();
				}
			});
		}
		return claimed.size();
	}

	record Claim(long id, String token, Instant sendAt) {
	}

	List<Claim> claimDue(Instant now) {
		int room = inFlight.availablePermits();
		List<OutboxStore.Candidate> due = store.due(adapters.keySet(), now, Math.min(room, 200));
		if (due.isEmpty()) {
			return List.of();
		}
		// endpoints are locked in one order on every node, so two nodes never wait on each other in a circle
		Map<String, List<OutboxStore.Candidate>> byEndpoint = due.stream()
			.sorted(Comparator.comparing(OutboxStore.Candidate::channel)
				.thenComparing(OutboxStore.Candidate::endpointKey)
				.thenComparingLong(OutboxStore.Candidate::id))
			.collect(Collectors.groupingBy(c -> c.channel() + "\n" + c.endpointKey(), LinkedHashMap::new,
					Collectors.toList()));
		List<Claim> claimed = new ArrayList<>();
		for (List<OutboxStore.Candidate> group : byEndpoint.values()) {
			claimed.addAll(transaction.execute(status -> claimGroup(group, now)));
		}
		return claimed;
	}

	private List<Claim> claimGroup(List<OutboxStore.Candidate> group, Instant now) {
		OutboxStore.Candidate first = group.getFirst();
		ChannelAdapter.Limits limits = adapters.get(first.channel()).limits();
		Duration spacing = limits.perEndpointPerSecond() <= 0 || limits.perEndpointPerSecond() == Integer.MAX_VALUE
				? Duration.ZERO : Duration.ofNanos((1_000_000_000L + limits.perEndpointPerSecond() - 1) / limits.perEndpointPerSecond());
		Instant slot = store.lockEndpoint(first.channel(), first.endpointKey());
		if (slot.isBefore(now)) {
			slot = now;
		}
		Instant horizon = now.plus(settings.horizon());
		List<Claim> claimed = new ArrayList<>();
		for (OutboxStore.Candidate candidate : group) {
			if (slot.isAfter(horizon) || !inFlight.tryAcquire()) {
				break;
			}
			String token = node + "-" + claims.incrementAndGet();
			if (store.claim(candidate.id(), token, slot.plus(settings.lease()), slot, now)) {
				store.paceLane(candidate.laneId(), slot.plus(limits.perChat()));
				claimed.add(new Claim(candidate.id(), token, slot));
				slot = slot.plus(spacing);
			}
			else {
				inFlight.release();
			}
		}
		if (!claimed.isEmpty()) {
			store.setNextSlot(first.channel(), first.endpointKey(), slot);
		}
		return claimed;
	}

	/** Sends one claimed row at its slot and records what came of it. */
	void deliver(Claim claim) {
		OutboxStore.Row row = store.row(claim.id()).orElseThrow();
		if (!claim.token().equals(row.claimToken()) || !OutboxStore.SENDING.equals(row.state())) {
			return;
		}
		ChannelAdapter adapter = adapters.get(row.channel());
		waitUntil(claim.sendAt());
		Instant calledAt;
		try {
			calledAt = windows.enter(row.channel(), row.endpointKey(), adapter.limits().perEndpointPerSecond());
		}
		catch (InterruptedException e) {
			// stopped before the call: the row surely did not go out, so it goes back to the queue as it was
			transaction.executeWithoutResult(status -> store.retry(row.id(), claim.token(), clock.instant(), false,
					row.attempts() > 1 ? "interrupted" : null));
			Thread.currentThread().interrupt();
			return;
		}
		Delivery result;
		try {
			result = adapter.send(new OutboundMessage(row.id(), row.channel(), row.endpointKey(), row.chatId(),
					row.body(), row.replyToExternalId(), row.noLinkPreview(), row.noTyping(),
					Keyboards.read(row.keyboard())));
		}
		catch (RuntimeException e) {
			// the channel may or may not have taken it: never sent again by itself (the class only: messages
			// of HTTP clients can carry URLs with secrets)
			log.warn("Outbox row {} on {}: unclear outcome ({})", row.id(), row.channel(), e.getClass().getName());
			result = null;
		}
		Delivery outcome = result;
		ChannelAdapter.Limits limits = adapter.limits();
		transaction.executeWithoutResult(status -> record(row, claim, outcome, calledAt, limits));
	}

	private void record(OutboxStore.Row row, Claim claim, Delivery outcome, Instant calledAt,
			ChannelAdapter.Limits limits) {
		Instant now = clock.instant();
		if (outcome instanceof Delivery.RetryAfter wait && wait.wholeEndpoint()) {
			// the endpoint's row first, as claims lock it first
			store.pauseEndpoint(row.channel(), row.endpointKey(), now.plus(wait.delay()));
		}
		// the chat's pace counts from when the call was made, not from the slot
		store.paceLane(row.laneId(), calledAt.plus(limits.perChat()));
		switch (outcome) {
			case null -> fail(row, claim, UNCLEAR, now);
			case Delivery.Sent sent -> {
				if (store.sent(row.id(), claim.token(), String.join(",", sent.externalIds()), now)
						&& row.messageId() != null) {
					deliveries.sent(row.messageId(), sent.externalIds());
					signal(row);
				}
			}
			case Delivery.RetryAfter wait -> {
				Instant until = now.plus(wait.delay());
				if (expired(row, until)) {
					fail(row, claim, EXPIRED, now);
					return;
				}
				store.paceLane(row.laneId(), until);
				store.retry(row.id(), claim.token(), until, false, "retry_after " + wait.delay().toSeconds() + "s");
			}
			case Delivery.Failed failed -> {
				Instant next = now.plus(backoff(row.attempts()));
				if (failed.permanent() || row.attempts() >= settings.maxAttempts() || expired(row, next)) {
					fail(row, claim, failed.reason() == null ? "failed" : failed.reason(), now);
				}
				else {
					store.retry(row.id(), claim.token(), next, true, cut(failed.reason()));
				}
			}
		}
	}

	private boolean expired(OutboxStore.Row row, Instant nextAttempt) {
		return nextAttempt.isAfter(row.createdAt().plus(settings.maxAge()));
	}

	private void fail(OutboxStore.Row row, Claim claim, String reason, Instant now) {
		if (store.failed(row.id(), claim.token(), cut(reason), now) && row.messageId() != null) {
			deliveries.failed(row.messageId(), reason);
			signal(row);
		}
	}

	/** The wait after the {@code attempts}-th failed attempt: doubling, capped, ±20 % so retries spread out. */
	Duration backoff(int attempts) {
		long base = settings.backoff().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
		long capped = Math.min(base, settings.maxBackoff().toMillis());
		double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
		return Duration.ofMillis(Math.round(capped * jitter));
	}

	void recoverExpired(Instant now) {
		for (OutboxStore.Row row : store.expired(now, 50)) {
			transaction.executeWithoutResult(status -> {
				if (store.abandon(row.id(), row.claimToken(), UNCLEAR, now) && row.messageId() != null) {
					deliveries.failed(row.messageId(), UNCLEAR);
					signal(row);
				}
			});
		}
	}

	private void signal(OutboxStore.Row row) {
		if (row.conversationId() != null) {
			Long teamId = conversations.conversation(row.conversationId()).map(Conversation::teamId).orElse(null);
			live.publish(LiveSignal.conversation(row.conversationId(), teamId));
		}
	}

	private void waitUntil(Instant at) {
		Duration left;
		while (!(left = Duration.between(clock.instant(), at)).isNegative() && !left.isZero()) {
			try {
				Thread.sleep(Math.max(1, Math.min(left.toMillis(), 20)));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String cut(String reason) {
		return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
	}
}
