package org.ombud.identity;

/** A team cases are routed to; {@code leadAgentId} is who is told when the team misses an SLA (null: nobody). */
public record Team(long id, String key, String name, Long leadAgentId) {

	public Team(long id, String key, String name) {
		this(id, key, name, null);
	}
}
