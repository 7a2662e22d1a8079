package org.ombud.conversations;

import java.util.List;

/**
 * Which chats a list shows. {@code teamIds} are the teams to show, {@code unrouted} adds the chats with no team,
 * {@code allTeams} ignores both; {@code assigneeId} keeps the chats that agent works; {@code starredOnly} and
 * {@code unreadOnly} go by the reading agent's marks; {@code channel} keeps one channel. At most {@code limit}
 * rows (pinned chats and alarms come on top of those).
 */
public record ChatFilter(List<Long> teamIds, boolean unrouted, boolean allTeams, Long assigneeId,
		boolean starredOnly, boolean unreadOnly, String channel, int limit) {

	public static final int MAX_LIMIT = 500;

	public ChatFilter {
		teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
		limit = Math.max(1, Math.min(limit, MAX_LIMIT));
		channel = channel == null || channel.isBlank() ? null : channel;
	}
}
