package org.ombud.conversations;

import java.util.List;

import org.ombud.identity.Visibility;

/**
 * Which chats a list shows. {@code teamIds} are the teams to show, {@code unrouted} adds the chats with no team,
 * {@code allTeams} ignores both; {@code assigneeId} keeps the chats that agent works; {@code starredOnly} and
 * {@code unreadOnly} go by the reading agent's marks; {@code channel} keeps one channel. At most {@code limit}
 * rows (pinned chats and alarms come on top of those).
 * <p>
 * {@code visibility}, when given, keeps to the chats that agent may see; with {@code theirs} the list also holds
 * the chats they see apart from teams: assigned to them, granted to them, their organisations'.
 */
public record ChatFilter(List<Long> teamIds, boolean unrouted, boolean allTeams, Long assigneeId,
		boolean starredOnly, boolean unreadOnly, String channel, int limit, Visibility visibility, boolean theirs) {

	public static final int MAX_LIMIT = 500;

	public ChatFilter {
		teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
		limit = Math.max(1, Math.min(limit, MAX_LIMIT));
		channel = channel == null || channel.isBlank() ? null : channel;
	}

	public ChatFilter(List<Long> teamIds, boolean unrouted, boolean allTeams, Long assigneeId, boolean starredOnly,
			boolean unreadOnly, String channel, int limit) {
		this(teamIds, unrouted, allTeams, assigneeId, starredOnly, unreadOnly, channel, limit, null, false);
	}

	/** Whether the agent of {@code visibility} sees this row (every row when no visibility is given). */
	public boolean shows(ChatRow row) {
		return visibility == null || visibility.seesConversation(row.id(), row.teamId(), row.assigneeId());
	}
}
