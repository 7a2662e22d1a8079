package org.ombud.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.support.FakeTelegram.Updates.botAddedToGroup;
import static org.ombud.support.FakeTelegram.Updates.groupMessage;
import static org.ombud.support.FakeTelegram.Updates.nextId;
import static org.ombud.support.FakeTelegram.Updates.user;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ombud.contacts.Organisations;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.node.ObjectNode;

/** A client's group chat: an organisation's conversation, our agents' messages as our replies, no cases. */
class TelegramGroupChatTests extends TelegramTestSupport {

	@Autowired
	Organisations organisations;

	@Autowired
	AgentDirectory directory;

	@Autowired
	MessageDeliveries deliveries;

	@Test
	void theBotInAClientsGroupMakesItAnOrganisationsConversation() {
		String[] bot = webhookBot();
		long chatId = -1000000000000L - nextId();
		Agent agent = directory.create(new NewAgent("tg" + nextId(), "Olga Manager", null, "long-enough-password",
				Role.DUTY_AGENT, "ru", Set.of()));
		long agentTelegramId = newUserId();
		directory.linkTelegram(agent.id(), String.valueOf(agentTelegramId));
		long clientId = newUserId();
		ObjectNode client = user(clientId, "Client Boss", "en");
		String title = "Acme × Desk " + nextId();

		assertThat(post(bot, botAddedToGroup(nextId(), chatId, title, client))).isEqualTo(200);
		Conversation conversation = conversation(bot, chatId);
		assertThat(conversation.title()).isEqualTo(title);
		assertThat(organisations.get(conversation.organisationId()).orElseThrow().name()).isEqualTo(title);

		assertThat(post(bot, groupMessage(nextId(), 10, chatId, title, client, "Our payouts are stuck"))).isEqualTo(200);
		ObjectNode agentWrites = groupMessage(nextId(), 11, chatId, title, user(agentTelegramId, "Olga", "ru"),
				"Looking into it now");
		assertThat(post(bot, agentWrites)).isEqualTo(200);
		assertThat(post(bot, agentWrites)).isEqualTo(200);
		// a second message creates no second organisation or conversation
		assertThat(post(bot, groupMessage(nextId(), 12, chatId, title, client, "Thanks"))).isEqualTo(200);

		List<Message> messages = conversations.messages(conversation.id());
		assertThat(messages).extracting(Message::body).containsExactly("Our payouts are stuck", "Looking into it now", "Thanks");
		assertThat(messages).extracting(Message::kind)
			.containsExactly(MessageKind.INBOUND, MessageKind.OUTBOUND, MessageKind.INBOUND);
		assertThat(messages.get(1).authorAgentId()).isEqualTo(agent.id());
		assertThat(conversations.authorContact(messages.get(0).id())).contains(contactOf(clientId));
		assertThat(deliveries.delivery(messages.get(1).id()).orElseThrow().state()).isEqualTo("SENT");
		assertThat(organisations.all()).filteredOn(o -> o.name().equals(title)).hasSize(1);
		assertThat(cases.currentCase(conversation.id())).isEmpty();

		// our agent's message is already in the chat: nothing sends it again; a reply from the console goes out
		// (in order per chat, so a second copy of the earlier message would have come first)
		conversations.append(conversation.id(), MessageKind.OUTBOUND, agent.id(), "Payouts resumed");
		assertThat(awaitSent(bot[0], String.valueOf(chatId), 1)).extracting(c -> c.text()).containsExactly("Payouts resumed");
		assertThat(telegram.calls(bot[0], "sendMessage")).hasSize(1);
	}

	@Test
	void theFirstGroupMessageAlsoIntroducesTheChat() {
		String[] bot = webhookBot();
		long chatId = -1000000000000L - nextId();
		assertThat(post(bot, groupMessage(nextId(), 1, chatId, "Streamers Guild", user(newUserId(), "Kim", "zh"),
				"你好"))).isEqualTo(200);
		Conversation conversation = conversation(bot, chatId);
		assertThat(organisations.get(conversation.organisationId()).orElseThrow().name()).isEqualTo("Streamers Guild");
		assertThat(conversations.messages(conversation.id())).extracting(Message::body).containsExactly("你好");
	}

	@Test
	void anAgentsTelegramAccountBelongsToOneAgent() {
		Agent first = directory.create(new NewAgent("tga" + nextId(), "A", null, "long-enough-password", Role.DUTY_AGENT, "en", Set.of()));
		Agent second = directory.create(new NewAgent("tgb" + nextId(), "B", null, "long-enough-password", Role.DUTY_AGENT, "en", Set.of()));
		long id = newUserId();
		directory.linkTelegram(first.id(), String.valueOf(id));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.linkTelegram(second.id(), String.valueOf(id)))
			.hasMessageContaining("error.agent.telegram.taken");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.linkTelegram(second.id(), "abc"))
			.hasMessageContaining("error.agent.telegram");
		assertThat(directory.agentByTelegramUserId(id)).map(Agent::id).contains(first.id());
		directory.linkTelegram(first.id(), " ");
		assertThat(directory.agentByTelegramUserId(id)).isEmpty();
	}
}
