package org.ombud.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ombud.channels.ChannelAdapter;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.conversations.MessageDelivery;
import org.ombud.conversations.MessageKind;
import org.ombud.live.LiveBus;
import org.ombud.outbox.Outgoing;
import org.ombud.shared.Tokens;
import org.ombud.support.Await;
import org.ombud.support.FakeChannel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one database: two workers of their own (the application's worker does not speak their channel)
 * deliver the same queue, and never the same row twice.
 */
@SpringBootTest
class OutboxNodesContractTests {

	@Autowired
	OutboxStore store;

	@Autowired
	TransactionalOutbox outbox;

	@Autowired
	MessageDeliveries deliveries;

	@Autowired
	Conversations conversations;

	@Autowired
	Contacts contacts;

	@Autowired
	LiveBus live;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Autowired
	OutboxSettings settings;

	@Autowired
	JdbcClient jdbc;

	OutboxWorker node(FakeChannel channel) {
		// room for every row of the race test: claims there are never delivered, so their permits stay taken
		OutboxSettings roomy = new OutboxSettings(true, settings.poll(), settings.lease(), settings.horizon(),
				settings.backoff(), settings.maxBackoff(), settings.maxAttempts(), settings.maxAge(), 10_000);
		return new OutboxWorker(store, deliveries, conversations, live, List.of(channel), transactions, clock, roomy,
				new Wakeup());
	}

	@Test
	void twoRunningNodesDeliverEveryMessageOnceInOrderPerChat() {
		String channelKey = "node-" + Tokens.random(6);
		FakeChannel channel = new FakeChannel(clock, channelKey);
		channel.limits(new ChannelAdapter.Limits(Duration.ZERO, 1000));
		OutboxWorker a = node(channel);
		OutboxWorker b = node(channel);
		a.start();
		b.start();
		try {
			List<Long> ids = new ArrayList<>();
			List<String> chats = new ArrayList<>();
			List<Long> conversationIds = new ArrayList<>();
			for (int c = 0; c < 20; c++) {
				String chatId = "chat-" + Tokens.random(8);
				long contactId = contacts.identify(List.of(new ChannelIdentity(channelKey, chatId)), null, "en");
				long conversationId = conversations.start(channelKey, contactId, "hi").conversationId();
				jdbc.sql("update conversations set endpoint_key = 'bot', external_chat_id = ? where id = ?")
					.params(chatId, conversationId)
					.update();
				chats.add(chatId);
				conversationIds.add(conversationId);
			}
			for (int m = 0; m < 10; m++) {
				for (long conversationId : conversationIds) {
					ids.add(conversations.append(conversationId, MessageKind.OUTBOUND, null, "m" + m).id());
				}
			}
			Await.until(Duration.ofSeconds(60), "all sent", () -> ids.stream()
				.allMatch(id -> MessageDelivery.SENT.equals(deliveries.delivery(id).orElseThrow().state())));
			assertThat(channel.received()).hasSize(200);
			assertThat(channel.received()).extracting(FakeChannel.Received::deliveryId).doesNotHaveDuplicates();
			for (String chatId : chats) {
				assertThat(channel.received(chatId)).extracting(FakeChannel.Received::text)
					.containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
			}
		}
		finally {
			a.stop();
			b.stop();
		}
	}

	@Test
	void nodesClaimingAtTheSameMomentNeverGetTheSameRow() throws Exception {
		String channelKey = "race-" + Tokens.random(6);
		FakeChannel channel = new FakeChannel(clock, channelKey);
		channel.limits(new ChannelAdapter.Limits(Duration.ZERO, 100_000));
		List<OutboxWorker> nodes = List.of(node(channel), node(channel));
		for (int round = 0; round < 5; round++) {
			TransactionTemplate tx = new TransactionTemplate(transactions);
			tx.executeWithoutResult(s -> {
				for (int i = 0; i < 60; i++) {
					outbox.enqueue(new Outgoing(null, channelKey, "bot", "chat-" + Tokens.random(8), "x", null, false,
							false, null), null);
				}
			});
			List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
			CountDownLatch start = new CountDownLatch(1);
			try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
				List<Future<?>> runs = new ArrayList<>();
				for (int t = 0; t < 4; t++) {
					OutboxWorker node = nodes.get(t % 2);
					runs.add(threads.submit(() -> {
						start.await();
						for (int i = 0; i < 5; i++) {
							node.claimDue(clock.instant()).forEach(c -> claimed.add(c.id()));
						}
						return null;
					}));
				}
				start.countDown();
				for (Future<?> run : runs) {
					run.get();
				}
			}
			assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
			assertThat(jdbc.sql("select count(*) from outbox where channel = ? and state = 'PENDING'")
				.param(channelKey)
				.query(Long.class)
				.single()).isZero();
		}
	}
}
