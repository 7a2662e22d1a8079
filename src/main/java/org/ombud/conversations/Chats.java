package org.ombud.conversations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ombud.conversations.internal.ChatStore;
import org.ombud.conversations.internal.ChatStore.Scope;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' chat list: each agent's view of the listed conversations, their pins (in the agent's own order),
 * stars and read marks, and the alarm any agent may raise on a chat until someone answers or clears it.
 * Whether an agent may see a chat at all is the caller's rule; this reads and marks what it is asked to.
 */
@Service
public class Chats {

	public static final int MAX_PINS = 20;

	// list order first, so merged parts read like one list
	private static final Comparator<ChatRow> LIST_ORDER = Comparator.comparing(ChatRow::listAt)
		.thenComparing(ChatRow::id)
		.reversed();

	private final ChatStore store;

	private final ApplicationEventPublisher events;

	private final LiveBus live;

	private final Clock clock;

	Chats(ChatStore store, ApplicationEventPublisher events, LiveBus live, Clock clock) {
		this.store = store;
		this.events = events;
		this.live = live;
		this.clock = clock;
	}

	/**
	 * The agent's list under the filter. Several teams are read one index scan each and merged; alarms (when
	 * asked for) and pins are read apart and not repeated below.
	 */
	public ChatListing list(long agentId, ChatFilter filter, boolean withAlarms) {
		long readAll = store.readAll(agentId);
		List<ChatRow> alarms = withAlarms ? store.alarms(agentId, readAll).stream().filter(filter::shows).toList() : List.of();
		List<ChatRow> pinned = store.pinned(agentId, readAll).stream().filter(filter::shows).toList();
		Set<Long> above = new HashSet<>();
		alarms.forEach(r -> above.add(r.id()));
		pinned.forEach(r -> above.add(r.id()));
		pinned = pinned.stream().filter(r -> !r.alarmed() || !withAlarms).toList();
		// read enough to fill the list after leaving out what is shown above, and one more to know there is more
		int wanted = filter.limit() + above.size() + 1;
		List<Scope> scopes = new ArrayList<>();
		if (filter.allTeams()) {
			scopes.add(new Scope.AllTeams());
		}
		else {
			filter.teamIds().forEach(t -> scopes.add(new Scope.Team(t)));
			if (filter.unrouted()) {
				scopes.add(new Scope.NoTeam());
			}
		}
		Long assigneeId = filter.assigneeId();
		if (filter.theirs() && filter.visibility() != null) {
			long me = filter.visibility().agentId();
			if (assigneeId == null || assigneeId == me) {
				scopes.add(new Scope.AssignedTo(me));
			}
			if (!filter.visibility().conversationIds().isEmpty()) {
				scopes.add(new Scope.Ids(filter.visibility().conversationIds()));
			}
		}
		Map<Long, ChatRow> rows = new HashMap<>();
		for (Scope scope : scopes) {
			Long assignee = scope instanceof Scope.AssignedTo to ? Long.valueOf(to.agentId()) : assigneeId;
			(filter.starredOnly()
					? store.starred(agentId, readAll, scope, assignee, filter.unreadOnly(), filter.channel(), wanted)
					: store.page(agentId, readAll, scope, assignee, filter.unreadOnly(), filter.channel(), wanted))
				.forEach(r -> rows.putIfAbsent(r.id(), r));
		}
		List<ChatRow> shown = rows.values()
			.stream()
			.filter(r -> !above.contains(r.id()))
			.filter(filter::shows)
			.sorted(LIST_ORDER)
			.toList();
		boolean more = shown.size() > filter.limit();
		return new ChatListing(alarms, pinned, more ? shown.subList(0, filter.limit()) : shown, more);
	}

	/** One chat as the agent sees it in the list. */
	public Optional<ChatRow> chat(long agentId, long conversationId) {
		return store.row(agentId, store.readAll(agentId), conversationId);
	}

	/** The agent has read the chat up to its latest message. */
	@Transactional
	public void read(long agentId, long conversationId) {
		exists(agentId, conversationId);
		store.markRead(agentId, conversationId);
	}

	/** Every chat counts as read for the agent up to now; later messages make them unread again. */
	@Transactional
	public void readAll(long agentId) {
		store.markAllRead(agentId);
	}

	/** Pins the chat after the agent's other pins; at most {@value #MAX_PINS}. */
	@Transactional
	public void pin(long agentId, long conversationId) {
		ChatRow chat = exists(agentId, conversationId);
		if (chat.pinned()) {
			return;
		}
		if (store.pinCount(agentId) >= MAX_PINS) {
			throw Rejected.of(null, "error.chats.pins", MAX_PINS);
		}
		store.pin(agentId, conversationId);
	}

	@Transactional
	public void unpin(long agentId, long conversationId) {
		exists(agentId, conversationId);
		store.unpin(agentId, conversationId);
	}

	@Transactional
	public void star(long agentId, long conversationId, boolean starred) {
		exists(agentId, conversationId);
		store.star(agentId, conversationId, starred);
	}

	/** Raises the alarm (once: raising it again changes nothing) and tells every console. */
	@Transactional
	public void raiseAlarm(long conversationId, long agentId) {
		ChatRow chat = exists(agentId, conversationId);
		if (store.raiseAlarm(conversationId, agentId, clock.instant())) {
			events.publishEvent(new AlarmRaised(conversationId, agentId));
			signal(chat);
		}
	}

	@Transactional
	public void clearAlarm(long conversationId, long agentId) {
		ChatRow chat = exists(agentId, conversationId);
		if (store.clearAlarm(conversationId)) {
			events.publishEvent(new AlarmCleared(conversationId, agentId, null));
			signal(chat);
		}
	}

	/** An answer to the contact ends the alarm, in the transaction that stored the answer. */
	@EventListener
	public void answered(MessageSent sent) {
		if (store.clearAlarm(sent.conversationId())) {
			events.publishEvent(new AlarmCleared(sent.conversationId(), sent.authorAgentId(), sent.messageId()));
			live.publish(LiveSignal.alarm(sent.conversationId(),
					store.row(0, 0, sent.conversationId()).map(ChatRow::teamId).orElse(null)));
		}
	}

	private void signal(ChatRow chat) {
		live.publish(LiveSignal.alarm(chat.id(), chat.teamId()));
		live.publish(LiveSignal.conversation(chat.id(), chat.teamId()));
	}

	private ChatRow exists(long agentId, long conversationId) {
		return store.row(agentId, 0, conversationId).orElseThrow(() -> new NotFound("conversation"));
	}
}
