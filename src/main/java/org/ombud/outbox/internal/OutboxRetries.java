package org.ombud.outbox.internal;

import java.time.Clock;
import java.util.Optional;

import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.springframework.stereotype.Component;

/** Re-queues a finally failed message: the message's state moves first (guarded), then a fresh row is added. */
@Component
public class OutboxRetries {

	private final OutboxStore store;

	private final MessageDeliveries deliveries;

	private final Conversations conversations;

	private final LiveBus live;

	private final Wakeup wakeup;

	private final Clock clock;

	OutboxRetries(OutboxStore store, MessageDeliveries deliveries, Conversations conversations, LiveBus live,
			Wakeup wakeup, Clock clock) {
		this.store = store;
		this.deliveries = deliveries;
		this.conversations = conversations;
		this.live = live;
		this.wakeup = wakeup;
		this.clock = clock;
	}

	/** False when the message has no failed delivery to retry. */
	public boolean retry(long messageId) {
		Optional<Long> latest = store.latestForMessage(messageId);
		if (latest.isEmpty() || !deliveries.retrying(messageId)) {
			return false;
		}
		OutboxStore.Row row = store.row(latest.get()).orElseThrow();
		if (!OutboxStore.FAILED.equals(row.state())) {
			return false;
		}
		store.requeue(row.id(), clock.instant());
		if (row.conversationId() != null) {
			live.publish(LiveSignal.conversation(row.conversationId(),
					conversations.conversation(row.conversationId()).map(c -> c.teamId()).orElse(null)));
		}
		wakeup.afterCommit();
		return true;
	}
}
