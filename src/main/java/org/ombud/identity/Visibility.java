package org.ombud.identity;

import java.util.Set;

/**
 * What one agent may see right now: the rule of {@link Role} worked out for them. A case is seen through its
 * team, its assignee or its conversation; a conversation (a chat and all its cases) through its team, its
 * assignee, a grant or the organisation the agent manages. (An alarm calls the agents on duty who see the chat;
 * it gives no one else sight of it.)
 *
 * @param everything admins and supervisors: no other check
 * @param teamIds the teams whose work the agent sees (empty unless the role sees teams)
 * @param triage the agent also sees chats nobody has routed to a team yet
 * @param conversationIds conversations seen through an active grant or a managed organisation
 */
public record Visibility(long agentId, Role role, boolean everything, Set<Long> teamIds, boolean triage,
		Set<Long> conversationIds) {

	public Visibility {
		teamIds = Set.copyOf(teamIds);
		conversationIds = Set.copyOf(conversationIds);
	}

	/** Whether the agent works cases and chats at all (the compliance viewer does not). */
	public boolean works() {
		return role.works();
	}

	/** A case, by its team, assignee and conversation. */
	public boolean seesCase(Long teamId, Long assigneeId, long conversationId) {
		if (!role.works()) {
			return false;
		}
		return everything || (assigneeId != null && assigneeId == agentId)
				|| (teamId != null && teamIds.contains(teamId)) || conversationIds.contains(conversationId);
	}

	/** A conversation, by its team (null: not routed yet) and its or its open case's assignee. */
	public boolean seesConversation(long conversationId, Long teamId, Long assigneeId) {
		if (!role.works()) {
			return false;
		}
		return everything || (assigneeId != null && assigneeId == agentId)
				|| (teamId != null && teamIds.contains(teamId)) || (teamId == null && triage)
				|| conversationIds.contains(conversationId);
	}
}
