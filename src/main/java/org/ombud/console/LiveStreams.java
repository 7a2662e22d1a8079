package org.ombud.console;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.conversations.ChatRow;
import org.ombud.conversations.Access;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.Sessions;
import org.ombud.identity.Visibility;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open consoles of this node, one server-sent event stream per browser tab. Every live signal becomes an
 * event named after its topic with {@code {"id":..,"teamId":..}} as data — ids only, never content: the page
 * fetches what changed through its ordinary, permission-checked URLs. A comment every 20 seconds keeps proxies
 * from closing a quiet stream and finds the tabs that went away; a stream ends after 15 minutes (the browser
 * reconnects on its own), when its session ends, or when the node stops.
 * <p>
 * All writing happens on one thread of its own, in order, so neither a committing request nor the database
 * listener ever waits on a slow browser.
 */
@Component
class LiveStreams implements SmartLifecycle, HttpSessionListener {

	static final Duration HEARTBEAT = Duration.ofSeconds(20);

	static final Duration LIFETIME = Duration.ofMinutes(15);

	/** What the browser waits before reconnecting after a stream ends. */
	static final Duration RECONNECT = Duration.ofSeconds(2);

	/** More tabs than anyone works in; beyond it the oldest stream of that agent is closed. */
	static final int PER_AGENT = 20;

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	private final LiveBus bus;

	private final Map<Long, Deque<Stream>> byAgent = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService writer;

	private volatile AutoCloseable subscription;

	private final Access access;

	private final CaseManagement cases;

	/** What each listening agent sees, for a second: signals come in bursts. */
	private final Cache<Long, Visibility> visibilities = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(1))
		.maximumSize(10_000)
		.build();

	private final Sessions sessions;

	LiveStreams(LiveBus bus, ObjectProvider<MeterRegistry> meters, Access access, CaseManagement cases,
			Sessions sessions) {
		this.sessions = sessions;
		this.bus = bus;
		this.access = access;
		this.cases = cases;
		meters.ifAvailable(registry -> Gauge.builder("ombud.live.streams", this, LiveStreams::count)
			.description("Open console event streams on this node")
			.register(registry));
	}

	/** One open tab: who is looking, in which session, and the stream to their browser. */
	private record Stream(AgentPrincipal agent, String sessionId, java.time.Instant loggedInAt, SseEmitter emitter) {
	}

	/**
	 * Whether this agent may hear this signal: only of the chats and cases they see (a signal carries no content,
	 * but its id and its timing would still tell of work the agent is not given). What an agent sees is worked out
	 * at most once a second per agent; a signal outside their teams looks up its chat or case.
	 */
	boolean mayHear(AgentPrincipal agent, LiveSignal signal) {
		return mayHear(agent, signal, new Subject(signal));
	}

	private boolean mayHear(AgentPrincipal agent, LiveSignal signal, Subject subject) {
		Visibility sees = visibilities.get(agent.agentId(), access::of);
		if (sees.everything()) {
			return true;
		}
		if (!sees.works()) {
			return false;
		}
		if (signal.teamId() != null && sees.teamIds().contains(signal.teamId())) {
			return true;
		}
		return switch (signal.topic()) {
			case LiveSignal.CONVERSATION, LiveSignal.ALARM -> sees.conversationIds().contains(signal.id())
					|| subject.chat().filter(c -> sees.seesConversation(c.id(), c.teamId(), c.assigneeId()))
						.isPresent();
			case LiveSignal.CASE, LiveSignal.CLOCK -> subject.caseView()
				.filter(c -> sees.seesCase(c.teamId(), c.assigneeId(), c.conversationId()))
				.isPresent();
			default -> false;
		};
	}

	/** The chat or case a signal is about, looked up once for all the streams that ask. */
	private final class Subject {

		private final LiveSignal signal;

		private Optional<ChatRow> chat;

		private Optional<CaseView> caseView;

		Subject(LiveSignal signal) {
			this.signal = signal;
		}

		Optional<ChatRow> chat() {
			if (chat == null) {
				chat = access.conversation(signal.id());
			}
			return chat;
		}

		Optional<CaseView> caseView() {
			if (caseView == null) {
				caseView = cases.get(signal.id());
			}
			return caseView;
		}
	}

	/** Opens a stream for one tab of a logged-in agent. */
	SseEmitter open(AgentPrincipal agent, String sessionId) {
		return open(agent, sessionId, null);
	}

	/** {@code loggedInAt}: when the stream's session logged in, so the stream ends with the session everywhere. */
	SseEmitter open(AgentPrincipal agent, String sessionId, java.time.Instant loggedInAt) {
		SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
		Stream stream = new Stream(agent, sessionId, loggedInAt, emitter);
		emitter.onCompletion(() -> forget(stream));
		emitter.onTimeout(emitter::complete);
		emitter.onError(e -> forget(stream));
		try {
			// sent before the answer starts, so the browser sees the stream open at once
			emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("ombud live"));
		}
		catch (IOException e) {
			emitter.completeWithError(e);
			return emitter;
		}
		if (!isRunning()) {
			emitter.complete();
			return emitter;
		}
		Deque<Stream> streams = byAgent.computeIfAbsent(agent.agentId(), id -> new ArrayDeque<>());
		Stream oldest = null;
		synchronized (streams) {
			streams.addLast(stream);
			if (streams.size() > PER_AGENT) {
				oldest = streams.pollFirst();
			}
		}
		if (oldest != null) {
			oldest.emitter().complete();
		}
		return emitter;
	}

	int count() {
		return byAgent.values().stream().mapToInt(Deque::size).sum();
	}

	private void broadcast(LiveSignal signal) {
		ScheduledExecutorService executor = writer;
		if (executor == null) {
			return;
		}
		String data = "{\"id\":" + signal.id() + ",\"teamId\":" + Objects.toString(signal.teamId(), "null") + "}";
		executor.execute(() -> {
			Subject subject = new Subject(signal);
			each(stream -> {
			if (mayHear(stream.agent(), signal, subject)) {
				write(stream, SseEmitter.event().name(signal.topic()).data(data));
			}
			});
		});
	}

	/**
	 * Keeps the streams open, and ends those whose session has ended on another node (logged out everywhere, the
	 * agent deactivated or given another role).
	 */
	void heartbeat() {
		each(stream -> {
			if (stream.loggedInAt() != null && !sessions.mayContinue(stream.agent(), stream.loggedInAt())) {
				forget(stream);
				stream.emitter().complete();
				return;
			}
			write(stream, SseEmitter.event().comment(""));
		});
	}

	private void write(Stream stream, SseEmitter.SseEventBuilder event) {
		try {
			stream.emitter().send(event);
		}
		catch (IOException | IllegalStateException e) {
			// the tab went away (or the stream just ended): forget it, the container finishes the request
			forget(stream);
			log.debug("Live stream of agent {} closed: {}", stream.agent().agentId(), e.getMessage());
		}
	}

	private void each(java.util.function.Consumer<Stream> action) {
		for (Deque<Stream> streams : byAgent.values()) {
			Stream[] copy;
			synchronized (streams) {
				copy = streams.toArray(Stream[]::new);
			}
			for (Stream stream : copy) {
				action.accept(stream);
			}
		}
	}

	private void forget(Stream stream) {
		Deque<Stream> streams = byAgent.get(stream.agent().agentId());
		if (streams == null) {
			return;
		}
		synchronized (streams) {
			streams.remove(stream);
			if (streams.isEmpty()) {
				byAgent.remove(stream.agent().agentId(), streams);
			}
		}
	}

	/** A session that ends (logout, expiry) takes its streams with it. */
	@Override
	public void sessionDestroyed(HttpSessionEvent event) {
		String sessionId = event.getSession().getId();
		each(stream -> {
			if (sessionId.equals(stream.sessionId())) {
				forget(stream);
				stream.emitter().complete();
			}
		});
	}

	@Override
	public void start() {
		writer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ombud-live-streams").daemon().factory());
		writer.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
		subscription = bus.subscribe(this::broadcast);
	}

	/**
	 * Ends every stream before the web server's graceful shutdown (a later phase stops first), which would
	 * otherwise wait for them.
	 */
	@Override
	public void stop() {
		try {
			if (subscription != null) {
				subscription.close();
			}
		}
		catch (Exception e) {
			log.debug("Live subscription did not close cleanly", e);
		}
		ScheduledExecutorService executor = writer;
		writer = null;
		if (executor != null) {
			executor.shutdownNow();
		}
		each(stream -> {
			forget(stream);
			stream.emitter().complete();
		});
	}

	@Override
	public boolean isRunning() {
		return writer != null;
	}
}
