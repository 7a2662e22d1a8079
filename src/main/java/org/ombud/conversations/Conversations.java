package org.ombud.conversations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.ombud.conversations.internal.ConversationStore;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.shared.NotFound;
import org.ombud.conversations.internal.DeliveryStore;
import org.ombud.shared.Rejected;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens conversations and appends messages to them, and keeps each conversation's place in the agents' chat
 * list: its team and assignee (those of its open case), whether it is listed, and when it last moved up.
 */
@Service
public class Conversations {

	public static final int MAX_MESSAGE_LENGTH = 10_000;

	private final ConversationStore store;

	private final ApplicationEventPublisher events;

	private final LiveBus live;

	private final Duration reorderAfter;

	private final DeliveryStore deliveries;

	Conversations(ConversationStore store, ApplicationEventPublisher events, LiveBus live,
			@Value("${ombud.chats.reorder-after:5m}") Duration reorderAfter, DeliveryStore deliveries) {
		this.store = store;
		this.events = events;
		this.live = live;
		this.reorderAfter = reorderAfter;
		this.deliveries = deliveries;
	}

	/** Opens a conversation with the contact's first message. */
	@Transactional
	public Message start(String channel, long contactId, String body) {
		check(body);
		long conversationId = store.insertConversation(channel, contactId);
		Message message = store.insertMessage(conversationId, MessageKind.INBOUND, null, body);
		store.messageAdded(conversationId, MessageKind.INBOUND, message.id(), message.createdAt(), reorderAfter);
		events.publishEvent(new MessageReceived(conversationId, message.id()));
		live.publish(LiveSignal.conversation(conversationId, null));
		return message;
	}

	/** Stores a message exactly as written; refuses empty or overlong text. */
	@Transactional
	public Message append(long conversationId, MessageKind kind, Long authorAgentId, String body) {
		return append(conversationId, kind, authorAgentId, body, OutboundOptions.DEFAULTS);
	}

	/**
	 * Stores a message with its outbound options (ignored for other kinds); a reply target must be another
	 * message of the same conversation.
	 */
	@Transactional
	public Message append(long conversationId, MessageKind kind, Long authorAgentId, String body,
			OutboundOptions options) {
		check(body);
		boolean outbound = kind == MessageKind.OUTBOUND && options != null && !options.equals(OutboundOptions.DEFAULTS);
		if (outbound && options.replyToMessageId() != null && store.message(options.replyToMessageId())
			.filter(m -> m.conversationId() == conversationId && m.kind().isPublic())
			.isEmpty()) {
			throw Rejected.of("replyTo", "error.reply-to.unknown");
		}
		Long teamId = store.team(conversationId).orElseThrow(() -> new NotFound("conversation")).orElse(null);
		Message message = store.insertMessage(conversationId, kind, authorAgentId, body);
		// notes do not count as activity; messages move the conversation's last activity
		if (kind != MessageKind.NOTE) {
			store.messageAdded(conversationId, kind, message.id(), message.createdAt(), reorderAfter);
		}
		if (outbound) {
			deliveries.setOptions(message.id(), options.replyToMessageId(), options.noLinkPreview(), options.noTyping());
		}
		if (kind == MessageKind.INBOUND) {
			events.publishEvent(new MessageReceived(conversationId, message.id()));
		}
		else if (kind == MessageKind.OUTBOUND) {
			events.publishEvent(new MessageSent(conversationId, message.id(), authorAgentId));
		}
		live.publish(LiveSignal.conversation(conversationId, teamId));
		return message;
	}

	/**
	 * The conversation's open case (the newest, when it has several) is this one: the conversation takes its
	 * team and assignee and is listed. Called by the cases module whenever that changes.
	 */
	@Transactional
	public void followOpenCase(long conversationId, long caseId, long teamId, Long assigneeId) {
		Optional<Long> before = store.followOpenCase(conversationId, caseId, teamId, assigneeId);
		signalMoved(conversationId, before, Optional.of(teamId));
	}

	/** The conversation has no open case any more (see {@link ConversationStore#noOpenCase}). */
	@Transactional
	public void noOpenCase(long conversationId) {
		Optional<Long> before = store.noOpenCase(conversationId);
		signalMoved(conversationId, before, store.teamOf(conversationId));
	}

	/** Makes the conversation a group chat of the organisation: its team and account manager look after it. */
	@Transactional
	public void joinOrganisation(long conversationId, long organisationId) {
		Optional<Long> before = store.teamOf(conversationId);
		store.joinOrganisation(conversationId, organisationId);
		signalMoved(conversationId, before, store.teamOf(conversationId));
	}

	/** Who looks after the conversation itself when no open case has an assignee; {@code null} for nobody. */
	@Transactional
	public void assign(long conversationId, Long agentId) {
		if (!store.assign(conversationId, agentId)) {
			throw new NotFound("conversation");
		}
		live.publish(LiveSignal.conversation(conversationId, store.teamOf(conversationId).orElse(null)));
	}

	private void signalMoved(long conversationId, Optional<Long> before, Optional<Long> after) {
		live.publish(LiveSignal.conversation(conversationId, after.orElse(null)));
		if (before.isPresent() && !before.equals(after)) {
			// the old team's lists lose the row
			live.publish(LiveSignal.conversation(conversationId, before.get()));
		}
	}

	private static void check(String body) {
		if (body == null || body.isBlank()) {
			throw Rejected.of("body", "error.required");
		}
		if (body.length() > MAX_MESSAGE_LENGTH) {
			throw Rejected.of("body", "error.length", 1, MAX_MESSAGE_LENGTH);
		}
	}

	public Optional<Conversation> conversation(long id) {
		return store.conversation(id);
	}

	public List<Message> messages(long conversationId) {
		return store.messages(conversationId);
	}

	public Optional<Message> message(long id) {
		return store.message(id);
	}
}
