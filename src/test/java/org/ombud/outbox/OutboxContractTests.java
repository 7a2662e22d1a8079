package org.ombud.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ombud.channels.ChannelAdapter;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.conversations.MessageDelivery;
import org.ombud.conversations.MessageKind;
import org.ombud.conversations.OutboundOptions;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.AgentPreferences;
import org.ombud.identity.NewAgent;
import org.ombud.identity.OutboundDefaults;
import org.ombud.identity.Role;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.shared.Rejected;
import org.ombud.shared.Tokens;
import org.ombud.support.Await;
import org.ombud.support.FakeChannel;
import org.ombud.support.FakeChannel.Refuse;
import org.ombud.support.FakeChannel.Take;
import org.ombud.support.FakeChannel.TakeThenTimeOut;
import org.ombud.support.FakeChannel.Throw;
import org.ombud.support.FakeChannel.Wait;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery of outbound messages through a channel that paces, refuses and times out, on the real database (H2 or
 * PostgreSQL). Each test uses its own endpoint and chats; waits the channel or the backoff asks for are reached
 * by shifting the test clock.
 */
@SpringBootTest
class OutboxContractTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	/** Between the worker noting a call's start and the channel seeing it. */
	static final Duration JITTER = Duration.ofMillis(5);

	@Autowired
	Contacts contacts;

	@Autowired
	Conversations conversations;

	@Autowired
	MessageDeliveries deliveries;

	@Autowired
	Redelivery redelivery;

	@Autowired
	AgentDirectory directory;

	@Autowired
	AgentPreferences preferences;

	@Autowired
	FakeChannel channel;

	@Autowired
	LiveBus live;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	record Chat(long conversationId, String endpointKey, String chatId) {
	}

	static String endpoint() {
		return "bot-" + Tokens.random(6);
	}

	Chat chat(String endpointKey) {
		return chat(FakeChannel.CHANNEL, endpointKey);
	}

	Chat chat(String channelKey, String endpointKey) {
		String chatId = "chat-" + Tokens.random(8);
		long contactId = contacts.identify(List.of(new ChannelIdentity(channelKey, chatId)), "Client", "en");
		long conversationId = conversations.start(channelKey, contactId, "hello").conversationId();
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

	String state(long messageId) {
		return delivery(messageId).state();
	}

	List<String> texts(Chat chat) {
		return channel.received(chat.chatId()).stream().map(FakeChannel.Received::text).toList();
	}

	void awaitState(long messageId, String state) {
		Await.until(WAIT, "message " + messageId + " " + state, () -> state.equals(state(messageId)));
	}

	void awaitCalls(Chat chat, int count) {
		Await.until(WAIT, count + " calls to " + chat.chatId(), () -> channel.calls(chat.chatId()).size() >= count);
		// the worker records a call's outcome just after it returns: a test that moves the clock next must wait for
		// that too, or the outcome (a pause, a backoff) would be counted from the moved clock
		Await.until(WAIT, "the outcome of call " + count + " to " + chat.chatId(),
				() -> jdbc.sql("select count(*) from outbox where chat_id = ? and state = 'SENDING'")
					.param(chat.chatId())
					.query(Long.class)
					.single() == 0);
	}

	@Test
	void aReplyReachesTheChatOnceAndIsMarkedSentWithTheChannelsId() {
		Chat chat = chat(endpoint());
		List<LiveSignal> signals = new ArrayList<>();
		long id;
		try (AutoCloseable subscription = live.subscribe(s -> {
			synchronized (signals) {
				signals.add(s);
			}
		})) {
			id = reply(chat, "We are on it");
			awaitState(id, MessageDelivery.SENT);
			Await.until(WAIT, "two signals", () -> {
				synchronized (signals) {
					return signals.stream().filter(s -> s.id() == chat.conversationId()).count() >= 2;
				}
			});
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		List<FakeChannel.Received> received = channel.received(chat.chatId());
		assertThat(received).extracting(FakeChannel.Received::text).containsExactly("We are on it");
		assertThat(delivery(id).externalId()).isEqualTo(received.getFirst().externalId());
		assertThat(delivery(id).error()).isNull();
	}

	@Test
	void aDeliveredRowIsForgottenAfterAWeekWhileTheMessageKeepsItsState() {
		Chat chat = chat(endpoint());
		long id = reply(chat, "kept on the message");
		awaitState(id, MessageDelivery.SENT);
		assertThat(rows(id)).isEqualTo(1);
		clock.shift(Duration.ofDays(8));
		Await.until(WAIT, "row forgotten", () -> rows(id) == 0);
		assertThat(delivery(id).state()).isEqualTo(MessageDelivery.SENT);
		assertThat(delivery(id).externalId()).isNotNull();
	}

	long rows(long messageId) {
		return jdbc.sql("select count(*) from outbox where message_id = ?").param(messageId).query(Long.class).single();
	}

	@Test
	void messagesGoInOrderPerChatAtMostOneASecondPerChatAndThirtyASecondPerEndpoint() {
		String endpoint = endpoint();
		ChannelAdapter.Limits limits = channel.limits();
		List<Chat> chats = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			chats.add(chat(endpoint));
		}
		List<Long> ids = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			for (Chat chat : chats) {
				ids.add(reply(chat, "message " + round));
			}
		}
		for (long id : ids) {
			awaitState(id, MessageDelivery.SENT);
		}
		for (Chat chat : chats) {
			List<FakeChannel.Received> received = channel.received(chat.chatId());
			assertThat(received).extracting(FakeChannel.Received::text).containsExactly("message 0", "message 1");
			assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
				.isGreaterThanOrEqualTo(limits.perChat().minus(JITTER));
		}
		List<Instant> times = channel.receivedOn(endpoint)
			.stream()
			.map(FakeChannel.Received::at)
			.sorted()
			.toList();
		assertThat(times).hasSize(80);
		assertThat(channel.receivedOn(endpoint)).extracting(FakeChannel.Received::deliveryId).doesNotHaveDuplicates();
		int cap = limits.perEndpointPerSecond();
		for (int i = 0; i + cap < times.size(); i++) {
			assertThat(Duration.between(times.get(i), times.get(i + cap)))
				.as("%d sends within a second from send %d", cap + 1, i)
				.isGreaterThanOrEqualTo(Duration.ofSeconds(1).minus(JITTER));
		}
	}

	@Test
	void retryAfterHoldsTheChatUntilThenAndKeepsItsOrder() {
		Chat chat = chat(endpoint());
		channel.script(chat.chatId(), new Wait(Duration.ofSeconds(30), false));
		long first = reply(chat, "first");
		long second = reply(chat, "second");
		awaitCalls(chat, 1);
		assertThat(state(first)).isEqualTo(MessageDelivery.PENDING);
		clock.shift(Duration.ofSeconds(31));
		awaitState(second, MessageDelivery.SENT);
		assertThat(state(first)).isEqualTo(MessageDelivery.SENT);
		assertThat(texts(chat)).containsExactly("first", "second");
		List<FakeChannel.Call> calls = channel.calls(chat.chatId());
		assertThat(calls).hasSize(3);
		assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void retryAfterForTheWholeEndpointHoldsItsOtherChatsToo() {
		String endpoint = endpoint();
		Chat limited = chat(endpoint);
		Chat other = chat(endpoint);
		Chat elsewhere = chat(endpoint());
		channel.script(limited.chatId(), new Wait(Duration.ofSeconds(60), true));
		long first = reply(limited, "first");
		awaitCalls(limited, 1);
		long held = reply(other, "held");
		long free = reply(elsewhere, "free");
		awaitState(free, MessageDelivery.SENT);
		assertThat(channel.calls(other.chatId())).isEmpty();
		assertThat(state(held)).isEqualTo(MessageDelivery.PENDING);
		clock.shift(Duration.ofSeconds(61));
		awaitState(first, MessageDelivery.SENT);
		awaitState(held, MessageDelivery.SENT);
		assertThat(texts(limited)).containsExactly("first");
		assertThat(texts(other)).containsExactly("held");
	}

	@Test
	void aPassingFailureIsRetriedAfterABackoffAndAPermanentOneFailsAtOnceWithoutHoldingTheChat() {
		Chat chat = chat(endpoint());
		channel.script(chat.chatId(), new Refuse("Internal Server Error", false), new Take(),
				new Refuse("Forbidden: bot was blocked by the user", true));
		long first = reply(chat, "first");
		long second = reply(chat, "second");
		long third = reply(chat, "third");
		awaitCalls(chat, 1);
		assertThat(state(first)).isEqualTo(MessageDelivery.PENDING);
		// the first backoff is 2 s ± 20 %
		clock.shift(Duration.ofSeconds(3));
		awaitState(third, MessageDelivery.SENT);
		assertThat(state(first)).isEqualTo(MessageDelivery.SENT);
		assertThat(state(second)).isEqualTo(MessageDelivery.FAILED);
		assertThat(delivery(second).error()).isEqualTo("Forbidden: bot was blocked by the user");
		assertThat(texts(chat)).containsExactly("first", "third");
	}

	@Test
	void afterTheLastAttemptTheMessageHasFinallyFailedWithTheChannelsReason() {
		Chat chat = chat(endpoint());
		FakeChannel.Answer[] refusals = new FakeChannel.Answer[10];
		java.util.Arrays.fill(refusals, new Refuse("Bad Gateway", false));
		channel.script(chat.chatId(), refusals);
		long id = reply(chat, "never");
		for (int attempt = 1; attempt < 10; attempt++) {
			awaitCalls(chat, attempt);
			assertThat(state(id)).isEqualTo(MessageDelivery.PENDING);
			// past the longest backoff (15 min + 20 %)
			clock.shift(Duration.ofMinutes(19));
		}
		awaitState(id, MessageDelivery.FAILED);
		assertThat(channel.calls(chat.chatId())).hasSize(10);
		assertThat(delivery(id).error()).isEqualTo("Bad Gateway");
		assertThat(texts(chat)).isEmpty();
	}

	@Test
	void anUnclearOutcomeIsNeverSentAgainByItselfAndAnAgentsRetryDeliversItOnce() {
		Chat chat = chat(endpoint());
		channel.script(chat.chatId(), new TakeThenTimeOut(), new Throw());
		long timedOut = reply(chat, "timed out");
		long thrown = reply(chat, "thrown");
		long last = reply(chat, "last");
		awaitState(last, MessageDelivery.SENT);
		assertThat(state(timedOut)).isEqualTo(MessageDelivery.FAILED);
		assertThat(delivery(timedOut).error()).isEqualTo("outbox.unclear");
		assertThat(state(thrown)).isEqualTo(MessageDelivery.FAILED);
		assertThat(texts(chat)).containsExactly("timed out", "last");

		redelivery.retry(thrown);
		assertThatThrownBy(() -> redelivery.retry(thrown)).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> redelivery.retry(last)).isInstanceOf(Rejected.class);
		awaitState(thrown, MessageDelivery.SENT);
		assertThat(texts(chat)).containsExactly("timed out", "last", "thrown");
		assertThat(delivery(thrown).error()).isNull();
	}

	@Test
	void aRowWhoseWorkerDiedMidSendIsGivenUpAsUnclearNotSentAgain() {
		// a channel no node speaks here, so only the lease can end the row
		String nowhere = "gone-" + Tokens.random(4);
		Chat chat = chat(nowhere, endpoint());
		long id = reply(chat, "lost in flight");
		assertThat(state(id)).isEqualTo(MessageDelivery.PENDING);
		jdbc.sql("update outbox set state = 'SENDING', claim_token = 'dead-1', claimed_until = ? where message_id = ?")
			.params(clock.instant().atOffset(java.time.ZoneOffset.UTC), id)
			.update();
		clock.shift(Duration.ofSeconds(1));
		awaitState(id, MessageDelivery.FAILED);
		assertThat(delivery(id).error()).isEqualTo("outbox.unclear");
	}

	@Test
	void optionsAndTheReplyTargetTravelToTheChannelAndTheAgentsDefaultsApply() {
		Chat chat = chat(endpoint());
		long question = conversations.append(chat.conversationId(), MessageKind.INBOUND, null, "where is my refund?").id();
		jdbc.sql("update messages set external_id = '555' where id = ?").param(question).update();
		long answer = conversations.append(chat.conversationId(), MessageKind.OUTBOUND, null, "here: https://x.example",
				new OutboundOptions(question, true, true)).id();
		awaitState(answer, MessageDelivery.SENT);
		FakeChannel.Received received = channel.received(chat.chatId()).getFirst();
		assertThat(received.replyTo()).isEqualTo("555");
		assertThat(received.noLinkPreview()).isTrue();
		assertThat(received.noTyping()).isTrue();
		assertThat(delivery(answer).replyToMessageId()).isEqualTo(question);

		long agentId = directory.create(new NewAgent("quiet-" + Tokens.random(6).toLowerCase().replaceAll("[^a-z0-9]", "x"),
				"Quiet Agent", null, "correct-horse-battery", Role.DUTY_AGENT, "en", Set.of())).id();
		preferences.changeOutboundDefaults(agentId, new OutboundDefaults(true, false));
		long quiet = conversations.append(chat.conversationId(), MessageKind.OUTBOUND, agentId, "defaults").id();
		long overridden = conversations.append(chat.conversationId(), MessageKind.OUTBOUND, agentId, "override",
				new OutboundOptions(null, false, true)).id();
		awaitState(overridden, MessageDelivery.SENT);
		assertThat(state(quiet)).isEqualTo(MessageDelivery.SENT);
		List<FakeChannel.Received> all = channel.received(chat.chatId());
		assertThat(all).extracting(FakeChannel.Received::text).containsExactly("here: https://x.example", "defaults",
				"override");
		assertThat(all.get(1).noLinkPreview()).isTrue();
		assertThat(all.get(1).noTyping()).isFalse();
		assertThat(all.get(2).noLinkPreview()).isFalse();
		assertThat(all.get(2).noTyping()).isTrue();
	}

	@Test
	void aReplyTargetOutsideTheConversationIsRefusedAndNothingIsStored() {
		Chat chat = chat(endpoint());
		Chat other = chat(endpoint());
		long foreign = conversations.append(other.conversationId(), MessageKind.INBOUND, null, "not yours").id();
		int before = conversations.messages(chat.conversationId()).size();
		assertThatThrownBy(() -> conversations.append(chat.conversationId(), MessageKind.OUTBOUND, null, "reply",
				new OutboundOptions(foreign, null, null)))
			.isInstanceOf(Rejected.class);
		assertThat(conversations.messages(chat.conversationId())).hasSize(before);
	}

	@Test
	void aRolledBackReplyIsNeverQueuedAndAConversationOffTheChannelsIsNotDelivered() {
		Chat chat = chat(endpoint());
		AtomicReference<Long> id = new AtomicReference<>();
		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			id.set(reply(chat, "rolled back"));
			throw new IllegalStateException("the caller fails after the reply");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(jdbc.sql("select count(*) from outbox where message_id = ?").param(id.get()).query(Long.class).single())
			.isZero();

		long contactId = contacts.identify(List.of(new ChannelIdentity(ChannelIdentity.EMAIL,
				Tokens.random(6).toLowerCase() + "@example.org")), "Form", "en");
		long conversationId = conversations.start("webform", contactId, "form text").conversationId();
		long onStatusPage = conversations.append(conversationId, MessageKind.OUTBOUND, null, "read me on the page").id();
		assertThat(delivery(onStatusPage).state()).isNull();
		assertThat(jdbc.sql("select count(*) from outbox where message_id = ?").param(onStatusPage).query(Long.class).single())
			.isZero();
		// the first chat's queue is not held by the rolled back reply
		long next = reply(chat, "next");
		awaitState(next, MessageDelivery.SENT);
		assertThat(texts(chat)).containsExactly("next");
	}
}
