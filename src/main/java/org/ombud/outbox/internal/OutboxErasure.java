package org.ombud.outbox.internal;

import org.ombud.conversations.ConversationErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a conversation's messages are erased, the outbox's copies of what was sent go too, in the same transaction. */
@Component
class OutboxErasure {

	private final OutboxStore store;

	OutboxErasure(OutboxStore store) {
		this.store = store;
	}

	@EventListener
	void erased(ConversationErased event) {
		store.eraseSent(event.conversationId());
	}
}
