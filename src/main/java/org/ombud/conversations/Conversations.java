package org.ombud.conversations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.ombud.conversations.internal.ConversationStore;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.shared.NotFound;
import org.ombud.conversations.internal.DeliveryStore;
import org.ombud.conversations.internal.ErasureStore;
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

	private final ErasureStore erasure;

	private final java.time.Clock clock;

	Conversations(ConversationStore store, ApplicationEventPublisher events, LiveBus live,
			@Value("${ombud.chats.reorder-after:5m}") Duration reorderAfter, DeliveryStore deliveries,
			ErasureStore erasure, java.time.Clock clock) {
		this.erasure = erasure;
		this.clock = clock;
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

	/**
	 * The conversation of one chat on a channel endpoint (a Telegram chat with one bot), opened on first use
	 * with the given contact, organisation and title. Its row is held until the transaction ends, so that two
	 * first messages of one chat never open two conversations, nor two cases.
	 */
	@Transactional
	public Conversation chat(String channel, String endpointKey, String chatId, long contactId, Long organisationId,
			String title) {
		return store.lockChat(channel, endpointKey, chatId).orElseGet(() -> {
			store.insertChannelConversation(channel, endpointKey, chatId, contactId, organisationId, title);
			return store.lockChat(channel, endpointKey, chatId).orElseThrow();
		});
	}

	/** The conversation of one chat, when there is one. */
	public Optional<Conversation> chat(String channel, String endpointKey, String chatId) {
		return store.lockChat(channel, endpointKey, chatId);
	}

	/**
	 * Stores a message that is already on the channel, with the channel's id of it: an inbound message
	 * ({@code authorContactId} says who wrote it in a group), or an outbound one that one of our people wrote on
	 * the channel itself, stored as sent, so that nothing delivers it again (its {@link MessageSent} still
	 * stops clocks and clears alarms).
	 */
	@Transactional
	public Message received(long conversationId, MessageKind kind, Long authorAgentId, Long authorContactId,
			String body, String externalId) {
		check(body);
		if (kind == MessageKind.NOTE) {
			throw new IllegalArgumentException("a note is never on a channel");
		}
		Long teamId = store.team(conversationId).orElseThrow(() -> new NotFound("conversation")).orElse(null);
		Message message = store.insertChannelMessage(conversationId, kind, authorAgentId, authorContactId, body,
				externalId);
		store.messageAdded(conversationId, kind, message.id(), message.createdAt(), reorderAfter);
		if (kind == MessageKind.INBOUND) {
			events.publishEvent(new MessageReceived(conversationId, message.id()));
		}
		else {
			// stored as sent: the outbox leaves it alone, while clocks and alarms see our answer
			events.publishEvent(new MessageSent(conversationId, message.id(), authorAgentId));
		}
		live.publish(LiveSignal.conversation(conversationId, teamId));
		return message;
	}

	/** The message of a conversation that has this id on its channel. */
	public Optional<Message> messageByExternalId(long conversationId, String externalId) {
		return store.messageByExternalId(conversationId, externalId);
	}

	/** Who of a group wrote an inbound message; empty for a private chat's messages. */
	public Optional<Long> authorContact(long messageId) {
		return store.authorContact(messageId);
	}

	/**
	 * The author changed a message on the channel: the new text takes its place, the old one stays in its
	 * history. Empty when the text did not change (a replayed or caption-only edit).
	 */
	@Transactional
	public Optional<MessageEdit> edit(long messageId, String body) {
		check(body);
		Message message = store.message(messageId).orElseThrow(() -> new org.ombud.shared.NotFound("message"));
		if (message.body().equals(body)) {
			return Optional.empty();
		}
		store.edit(messageId, message.body(), body);
		return Optional.of(new MessageEdit(messageId, message.body(), store.now()));
	}

	/** The earlier texts of a message, oldest first. */
	public List<MessageEdit> edits(long messageId) {
		return store.edits(messageId);
	}

	/**
	 * Erases what was written in the conversation (messages, their earlier versions, the chat's title and id on its
	 * channel); the messages stay as empty lines, so counts and times do not change.
	 */
	@org.springframework.transaction.annotation.Transactional
	public void erase(long conversationId) {
		erasure.erase(conversationId, java.time.Instant.now(clock));
		events.publishEvent(new ConversationErased(conversationId));
	}
}
