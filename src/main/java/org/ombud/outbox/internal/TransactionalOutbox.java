package org.ombud.outbox.internal;

import java.time.Clock;

import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.outbox.Outbox;
import org.ombud.outbox.Outgoing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the row in the caller's transaction; the message it delivers shows as pending from then on. */
@Service
class TransactionalOutbox implements Outbox {

	private final OutboxStore store;

	private final MessageDeliveries deliveries;

	private final Wakeup wakeup;

	private final Conversations conversations;

	private final LiveBus live;

	private final Clock clock;

	TransactionalOutbox(OutboxStore store, MessageDeliveries deliveries, Wakeup wakeup, Conversations conversations,
			LiveBus live, Clock clock) {
		this.store = store;
		this.deliveries = deliveries;
		this.wakeup = wakeup;
		this.conversations = conversations;
		this.live = live;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(Outgoing message) {
		Long conversationId = message.messageId() == null ? null
				: deliveries.delivery(message.messageId()).map(d -> d.conversationId()).orElse(null);
		return enqueue(message, conversationId);
	}

	long enqueue(Outgoing message, Long conversationId) {
		long laneId = store.lane(message.channel(), message.endpointKey(), message.chatId());
		long id = store.insert(new OutboxStore.NewRow(message.messageId(), conversationId, message.channel(),
				message.endpointKey(), message.chatId(), message.text(), message.replyToExternalId(),
				message.noLinkPreview(), message.noTyping(), Keyboards.write(message.keyboard())), laneId,
				clock.instant());
		if (message.messageId() != null) {
			deliveries.pending(message.messageId());
		}
		if (conversationId != null) {
			live.publish(LiveSignal.conversation(conversationId,
					conversations.conversation(conversationId).map(c -> c.teamId()).orElse(null)));
		}
		wakeup.afterCommit();
		return id;
	}
}
