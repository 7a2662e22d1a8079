package org.ombud.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.ombud.channels.ChannelAdapter;
import org.ombud.channels.Delivery;
import org.ombud.channels.OutboundMessage;
import org.springframework.stereotype.Component;

/**
 * A channel for tests, in every test context: records each message it takes with the test clock's time, and
 * answers what a test scripted for a chat (429 with retry_after, a refusal, a timeout) before it takes messages
 * again. Chats are per test (fresh ids), so tests never see each other's messages.
 */
@Component
public class FakeChannel implements ChannelAdapter {

	public static final String CHANNEL = "fake";

	/** What the channel answers to one attempt. */
	public sealed interface Answer {
	}

	/** Takes the message. */
	public record Take() implements Answer {
	}

	/** 429 with retry_after. */
	public record Wait(Duration delay, boolean wholeEndpoint) implements Answer {
	}

	/** A refusal; {@code permanent} like a blocked bot, else like a 500. */
	public record Refuse(String reason, boolean permanent) implements Answer {
	}

	/** A timeout after the channel took the message: it did reach the chat, but we cannot tell. */
	public record TakeThenTimeOut() implements Answer {
	}

	/** A failure before anything went out, thrown as an exception. */
	public record Throw() implements Answer {
	}

	/** One message the chat received. */
	public record Received(long deliveryId, String endpointKey, String chatId, String text, String replyTo,
			boolean noLinkPreview, boolean noTyping, Instant at, String externalId) {
	}

	/** One call made, whatever came of it. */
	public record Call(long deliveryId, String endpointKey, String chatId, Instant at) {
	}

	private final Clock clock;

	private final String channel;

	private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

	private final List<Received> received = new ArrayList<>();

	private final List<Call> calls = new ArrayList<>();

	private final AtomicLong ids = new AtomicLong(1000);

	private volatile Limits limits = new Limits(Duration.ofSeconds(1), 30);

	@org.springframework.beans.factory.annotation.Autowired
	public FakeChannel(Clock clock) {
		this(clock, CHANNEL);
	}

	/** Another fake channel, e.g. one that only a test's own workers speak. */
	public FakeChannel(Clock clock, String channel) {
		this.clock = clock;
		this.channel = channel;
	}

	@Override
	public String channel() {
		return channel;
	}

	@Override
	public Limits limits() {
		return limits;
	}

	public void limits(Limits limits) {
		this.limits = limits;
	}

	/** The next attempts to this chat get these answers, in order; then it takes messages again. */
	public void script(String chatId, Answer... answers) {
		scripts.computeIfAbsent(chatId, k -> new ArrayDeque<>()).addAll(List.of(answers));
	}

	@Override
	public Delivery send(OutboundMessage message) {
		Instant at = clock.instant();
		synchronized (this) {
			calls.add(new Call(message.deliveryId(), message.endpointKey(), message.chatId(), at));
		}
		Deque<Answer> script = scripts.get(message.chatId());
		Answer answer = script == null ? null : script.poll();
		return switch (answer) {
			case null -> new Delivery.Sent(List.of(take(message, at)));
			case Take t -> new Delivery.Sent(List.of(take(message, at)));
			case Wait wait -> new Delivery.RetryAfter(wait.delay(), wait.wholeEndpoint());
			case Refuse refuse -> new Delivery.Failed(refuse.reason(), refuse.permanent());
			case TakeThenTimeOut timeout -> {
				take(message, at);
				throw new IllegalStateException("read timed out");
			}
			case Throw t -> throw new IllegalStateException("connection reset");
		};
	}

	private String take(OutboundMessage message, Instant at) {
		String id = Long.toString(ids.incrementAndGet());
		synchronized (this) {
			received.add(new Received(message.deliveryId(), message.endpointKey(), message.chatId(), message.text(),
					message.replyToExternalId(), message.noLinkPreview(), message.noTyping(), at, id));
		}
		return id;
	}

	public synchronized List<Received> received(String chatId) {
		return received.stream().filter(r -> r.chatId().equals(chatId)).toList();
	}

	public synchronized List<Received> receivedOn(String endpointKey) {
		return received.stream().filter(r -> r.endpointKey().equals(endpointKey)).toList();
	}

	public synchronized List<Received> received() {
		return List.copyOf(received);
	}

	public synchronized List<Call> calls(String chatId) {
		return calls.stream().filter(c -> c.chatId().equals(chatId)).toList();
	}
}
