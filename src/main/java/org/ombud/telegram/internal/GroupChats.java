package org.ombud.telegram.internal;

import static org.ombud.telegram.internal.UpdateApplier.APPLIED;
import static org.ombud.telegram.internal.UpdateApplier.IGNORED;

import java.util.List;
import java.util.Optional;

import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.contacts.Organisation;
import org.ombud.contacts.Organisations;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.shared.Languages;
import org.ombud.telegram.TelegramBots;
import org.springframework.stereotype.Component;

/**
 * A client's group chat with one of our bots. The bot's arrival (or the first message it sees) makes the chat
 * a conversation of an organisation, created under the chat's title when new (an admin renames it or gives it
 * a manager later). Members who are our agents (by their linked Telegram account) write our replies: stored as
 * outbound, already sent; everyone else writes the client's messages. Group chats open no case by themselves.
 */
@Component
class GroupChats {

	/** The identity of a group chat itself: the contact its conversation belongs to. */
	static final String CHAT_IDENTITY = "telegram-chat";

	private final Conversations conversations;

	private final Contacts contacts;

	private final Organisations organisations;

	private final AgentDirectory directory;

	private final BotStore store;

	private final LiveBus live;

	GroupChats(Conversations conversations, Contacts contacts, Organisations organisations, AgentDirectory directory,
			BotStore store, LiveBus live) {
		this.conversations = conversations;
		this.contacts = contacts;
		this.organisations = organisations;
		this.directory = directory;
		this.store = store;
		this.live = live;
	}

	String membership(String botKey, Updates.MemberUpdate update) {
		if (update.chat() == null || !update.chat().isGroup() || !update.joined()) {
			return IGNORED;
		}
		conversation(botKey, update.chat());
		return APPLIED;
	}

	String message(String botKey, Updates.Message m) {
		Conversation conversation = conversation(botKey, m.chat());
		String words = m.words();
		String body = words != null ? words : m.file() != null ? "📎 " + m.file().fileName() : null;
		if (body == null || m.from() == null) {
			// a member joined or left, the title changed: the chat is known, nothing to store
			return APPLIED;
		}
		if (body.length() > Conversations.MAX_MESSAGE_LENGTH) {
			body = body.substring(0, Conversations.MAX_MESSAGE_LENGTH);
		}
		Optional<Agent> agent = directory.agentByTelegramUserId(m.from().id()).filter(Agent::active);
		if (agent.isPresent()) {
			conversations.received(conversation.id(), MessageKind.OUTBOUND, agent.get().id(), null, body,
					m.externalId());
		}
		else {
			long member = contacts.identify(
					List.of(new ChannelIdentity(PrivateChats.IDENTITY, String.valueOf(m.from().id()))),
					m.from().displayName(), Languages.of(m.from().languageCode()));
			conversations.received(conversation.id(), MessageKind.INBOUND, null, member, body, m.externalId());
		}
		live.publish(LiveSignal.conversation(conversation.id(), conversation.teamId()));
		return APPLIED;
	}

	/** The chat's conversation; the first time, with a new organisation named after the chat. */
	private Conversation conversation(String botKey, Updates.Chat chat) {
		String chatId = chat.chatId();
		Optional<Conversation> known = conversations.chat(TelegramBots.CHANNEL, botKey, chatId);
		if (known.isPresent()) {
			return known.get();
		}
		// one organisation per chat, also when its first two updates arrive at once
		store.lock(botKey);
		known = conversations.chat(TelegramBots.CHANNEL, botKey, chatId);
		if (known.isPresent()) {
			return known.get();
		}
		String title = chat.title() == null || chat.title().isBlank() ? "Telegram " + chatId : chat.title().strip();
		if (title.length() > Organisations.MAX_NAME) {
			title = title.substring(0, Organisations.MAX_NAME);
		}
		Organisation organisation = organisations.create(title, null, null);
		long chatContact = contacts.identify(List.of(new ChannelIdentity(CHAT_IDENTITY, chatId)), title, "en");
		return conversations.chat(TelegramBots.CHANNEL, botKey, chatId, chatContact, organisation.id(), title);
	}
}
