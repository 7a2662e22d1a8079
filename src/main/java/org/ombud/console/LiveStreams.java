package org.ombud.console;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.conversations.ChatRow;
import org.ombud.conversations.Access;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.AgentSessions;
import org.ombud.identity.SessionsEnded;
import org.ombud.identity.Visibility;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open consoles of this node, one server-sent event stream per browser tab. Every live signal becomes an
 * event named after its topic with {@code {"id":..,"teamId":..}} as data — ids only, never content: the page
 * fetches what changed through its ordinary, permission-checked URLs. A comment every 20 seconds keeps proxies
 * from closing a quiet stream and finds the tabs that went away; a stream ends after 15 minutes (the browser
 * reconnects on its own), when its session ends, or when the node stops.
 * <p>
 * Sessions live in the database, shared by every node, and end without telling anyone: logging out ends that
 * session's streams on this node at once; logging out everywhere (or an admin deactivating an agent) sends
 * {@link #SESSIONS_ENDED} through the {@link LiveBus}, so every node ends that agent's streams at once; and
 * every heartbeat ends the streams whose session is gone for any other reason (logged out on another node,
 * expired).
 * <p>
 * All writing happens on one thread of its own, in order, so neither a committing request nor the database
 * listener ever waits on a slow browser.
 */
@Component
class LiveStreams implements SmartLifecycle {

	/**
	 * The signal that every session of an agent ended ({@code id} is the agent's): each node ends that agent's
	 * streams. It is never passed on to a browser.
	 */
	static final String SESSIONS_ENDED = "sessions-ended";

	static final Duration HEARTBEAT = Duration.ofSeconds(20);

	static final Duration LIFETIME = Duration.ofMinutes(15);

	/** What the browser waits before reconnecting after a stream ends. */
	static final Duration RECONNECT = Duration.ofSeconds(2);

	/** More tabs than anyone works in; beyond it the oldest stream of that agent is closed. */
	static final int PER_AGENT = 20;

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	private final LiveBus bus;

	private final AgentSessions sessions;

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

	LiveStreams(LiveBus bus, AgentSessions sessions, ObjectProvider<MeterRegistry> meters, Access access,
			CaseManagement cases) {
		this.bus = bus;
		this.sessions = sessions;
		this.access = access;
		this.cases = cases;
		meters.ifAvailable(registry -> Gauge.builder("ombud.live.streams", this, LiveStreams::count)
			.description("Open console event streams on this node")
			.register(registry));
	}

	/** One open tab: who is looking, in which session, and the stream to their browser. */
	private record Stream(AgentPrincipal agent, String sessionId, SseEmitter emitter) {
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
		SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
		Stream stream = new Stream(agent, sessionId, emitter);
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
		if (SESSIONS_ENDED.equals(signal.topic())) {
			executor.execute(() -> end(stream -> stream.agent().agentId() == signal.id()));
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

	private void heartbeat() {
		Set<String> sessionIds = new HashSet<>();
		each(stream -> sessionIds.add(stream.sessionId()));
		sessionIds.remove(null);
		try {
			Set<String> open = sessions.stillOpen(sessionIds);
			end(stream -> stream.sessionId() != null && !open.contains(stream.sessionId()));
		}
		catch (RuntimeException e) {
			log.warn("Could not check the sessions of the open live streams", e);
		}
		each(stream -> write(stream, SseEmitter.event().comment("")));
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

	/**
	 * Sessions that end take their streams with them: one session's on this node, every session's of the agent
	 * on every node.
	 */
	@EventListener
	void sessionsEnded(SessionsEnded ended) {
		ScheduledExecutorService executor = writer;
		if (ended.everySession() && executor != null) {
			// from the writer's thread: this may run while a transaction completes, when the bus would wait for
			// a commit that already happened
			executor.execute(() -> bus.publish(new LiveSignal(SESSIONS_ENDED, ended.agentId(), null)));
		}
		else if (ended.everySession()) {
			end(stream -> stream.agent().agentId() == ended.agentId());
		}
		else {
			end(stream -> ended.sessionId().equals(stream.sessionId()));
		}
	}

	private void end(Predicate<Stream> which) {
		each(stream -> {
			if (which.test(stream)) {
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
		end(stream -> true);
	}

	@Override
	public boolean isRunning() {
		return writer != null;
	}
}
