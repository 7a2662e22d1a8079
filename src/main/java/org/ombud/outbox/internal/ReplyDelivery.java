package org.ombud.outbox.internal;

import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.conversations.MessageDelivery;
import org.ombud.conversations.MessageSent;
import org.ombud.identity.AgentPreferences;
import org.ombud.identity.OutboundDefaults;
import org.ombud.outbox.Outgoing;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every outbound message of a conversation that lives on a channel goes into the outbox in the transaction that
 * stored it: a reply written in the console reaches the person, or the whole reply is rolled back.
 */
@Component
class ReplyDelivery {

	private final Conversations conversations;

	private final MessageDeliveries deliveries;

	private final AgentPreferences preferences;

	private final TransactionalOutbox outbox;

	ReplyDelivery(Conversations conversations, MessageDeliveries deliveries, AgentPreferences preferences,
			TransactionalOutbox outbox) {
		this.conversations = conversations;
		this.deliveries = deliveries;
		this.preferences = preferences;
		this.outbox = outbox;
	}

	@EventListener
	void on(MessageSent event) {
		Conversation conversation = conversations.conversation(event.conversationId()).orElseThrow();
		if (!conversation.deliveredOnChannel()) {
			return;
		}
		Message message = conversations.message(event.messageId()).orElseThrow();
		MessageDelivery delivery = deliveries.delivery(message.id()).orElseThrow();
		if (MessageDelivery.SENT.equals(delivery.state())) {
			// written by one of our people on the channel itself (a group chat): it is there already
			return;
		}
		OutboundDefaults defaults = event.authorAgentId() == null ? OutboundDefaults.NONE
				: preferences.outboundDefaults(event.authorAgentId());
		// a reply points at the channel's id of the message it answers; without one it goes as a plain message
		String replyTo = delivery.replyToMessageId() == null ? null
				: deliveries.delivery(delivery.replyToMessageId()).map(d -> firstId(d.externalId())).orElse(null);
		outbox.enqueue(new Outgoing(message.id(), conversation.channel(), conversation.endpointKey(),
				conversation.externalChatId(), message.body(), replyTo,
				delivery.noLinkPreview() != null ? delivery.noLinkPreview() : defaults.noLinkPreview(),
				delivery.noTyping() != null ? delivery.noTyping() : defaults.noTyping(), null), conversation.id());
	}

	private static String firstId(String externalIds) {
		if (externalIds == null || externalIds.isBlank()) {
			return null;
		}
		int comma = externalIds.indexOf(',');
		return comma < 0 ? externalIds : externalIds.substring(0, comma);
	}
}
