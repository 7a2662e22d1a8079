package org.ombud.identity;

/**
 * An admin changed what an agent may do or how they prove who they are (deactivated them, changed their role,
 * reset their password): the agent's open sessions no longer stand.
 */
public record AgentAccessChanged(long agentId) {
}
