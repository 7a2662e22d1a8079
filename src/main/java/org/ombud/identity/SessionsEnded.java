package org.ombud.identity;

/**
 * Console sessions of an agent ended: one of them ({@code sessionId}, after logging out) or all of them
 * ({@code sessionId} null: logging out everywhere, or an admin deactivated the agent, changed their role or
 * reset their password). Whatever was open for those sessions (live event streams) should end too.
 */
public record SessionsEnded(long agentId, String sessionId) {

	/** Whether this ended every session of the agent. */
	public boolean everySession() {
		return sessionId == null;
	}
}
