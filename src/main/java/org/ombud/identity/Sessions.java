package org.ombud.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;

/**
 * Whether a console session may go on: not once its agent was deactivated, got another role, logged out
 * everywhere or had their password changed after the session logged in. Every node reads the agent at most once
 * a second, so an ended session ends on every node within a second, whichever node made it.
 */
@Service
public class Sessions {

	/** When the session logged in: a session attribute holding an {@link Instant}. */
	public static final String LOGGED_IN_AT = "ombud.loggedInAt";

	private final AgentDirectory agents;

	private final Clock clock;

	private final Cache<Long, Standing> standings = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(1))
		.maximumSize(10_000)
		.build();

	private record Standing(Optional<Agent> agent, Optional<Instant> sessionsEndedAt) {
	}

	Sessions(AgentDirectory agents, Clock clock) {
		this.agents = agents;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	/** Whether a session of this agent that logged in at {@code loggedInAt} may go on. */
	public boolean mayContinue(AgentPrincipal me, Instant loggedInAt) {
		Standing standing = standings.get(me.agentId(), id -> new Standing(agents.agent(id), agents.sessionsEndedAt(id)));
		Agent agent = standing.agent().orElse(null);
		return agent != null && agent.active() && agent.role() == me.role()
				&& standing.sessionsEndedAt().map(loggedInAt::isAfter).orElse(true);
	}

	/** Ends every session of the agent, on every node ("log out everywhere"). */
	public void endEverywhere(long agentId) {
		agents.endSessions(agentId);
		standings.invalidate(agentId);
	}
}
