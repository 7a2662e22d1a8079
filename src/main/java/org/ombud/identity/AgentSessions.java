package org.ombud.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.ombud.identity.internal.AgentStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The agents' console sessions, kept in the database so every node sees the same ones: ending all sessions of an
 * agent ends them on every node at once.
 */
@Service
public class AgentSessions {

	private final FindByIndexNameSessionRepository<?> sessions;

	private final AgentStore agents;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	AgentSessions(FindByIndexNameSessionRepository<?> sessions, AgentStore agents, JdbcClient jdbc,
			ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.agents = agents;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Ends every session of the agent on every node; answers how many there were. */
	public int endAll(long agentId) {
		int ended = agents.agent(agentId).map(agent -> {
			Set<String> ids = sessions.findByPrincipalName(agent.username()).keySet();
			ids.forEach(sessions::deleteById);
			return ids.size();
		}).orElse(0);
		events.publishEvent(new SessionsEnded(agentId, null));
		return ended;
	}

	/** How many sessions the agent has open. */
	public int count(long agentId) {
		return agents.agent(agentId).map(agent -> sessions.findByPrincipalName(agent.username()).size()).orElse(0);
	}

	/** Which of these session ids still belong to a session that has not ended or expired. */
	public Set<String> stillOpen(Collection<String> sessionIds) {
		if (sessionIds.isEmpty()) {
			return Set.of();
		}
		List<String> open = jdbc.sql("select session_id from spring_session where session_id in (:ids) and expiry_time > :now")
			.param("ids", List.copyOf(sessionIds))
			.param("now", System.currentTimeMillis())
			.query(String.class)
			.list();
		return Set.copyOf(open.stream().map(String::trim).toList());
	}

	/** An agent whose access changed starts afresh: once the change is committed, their sessions end. */
	@TransactionalEventListener(fallbackExecution = true)
	void accessChanged(AgentAccessChanged change) {
		endAll(change.agentId());
	}
}
