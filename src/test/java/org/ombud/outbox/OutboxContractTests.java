package org.ombud.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.conversations.MessageDelivery;
import org.ombud.conversations.MessageKind;
import org.ombud.shared.Tokens;
import org.ombud.support.Await;
import org.ombud.support.FakeChannel;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Delivery of outbound messages through a channel, on the real database (H2 or PostgreSQL). */
@SpringBootTest
class OutboxContractTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	Contacts contacts;

	@Autowired
	Conversations conversations;

	@Autowired
	MessageDeliveries deliveries;

	@Autowired
	FakeChannel channel;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	record Chat(long conversationId, String endpointKey, String chatId) {
	}

	Chat chat(String endpointKey) {
		String chatId = "chat-" + Tokens.random(8);
		long contactId = contacts.identify(List.of(new ChannelIdentity(FakeChannel.CHANNEL, chatId)), "Client", "en");
		long conversationId = conversations.start(FakeChannel.CHANNEL, contactId, "hello").conversationId();
		jdbc.sql("update conversations set endpoint_key = ?, external_chat_id = ? where id = ?")
			.params(endpointKey, chatId, conversationId)
			.update();
		return new Chat(conversationId, endpointKey, chatId);
	}

	long reply(Chat chat, String text) {
		return conversations.append(chat.conversationId(), MessageKind.OUTBOUND, null, text).id();
	}

	MessageDelivery delivery(long messageId) {
		return deliveries.delivery(messageId).orElseThrow();
	}

	@Test
	void aReplyReachesTheChatOnceAndIsMarkedSentWithTheChannelsId() {
		Chat chat = chat("bot-" + Tokens.random(6));
		long id = reply(chat, "We are on it");
		Await.until(WAIT, "sent", () -> MessageDelivery.SENT.equals(delivery(id).state()));
		List<FakeChannel.Received> received = channel.received(chat.chatId());
		assertThat(received).extracting(FakeChannel.Received::text).containsExactly("We are on it");
		assertThat(delivery(id).externalId()).isEqualTo(received.getFirst().externalId());
	}
}
