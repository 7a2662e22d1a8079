package org.ombud.conversations;

import java.util.List;

/**
 * An agent's chat list: raised alarms first (for an agent on duty), then the agent's pinned chats in the
 * agent's order, then the other chats, latest activity first; {@code more} when the list was cut at its limit.
 */
public record ChatListing(List<ChatRow> alarms, List<ChatRow> pinned, List<ChatRow> rows, boolean more) {

	public ChatListing {
		alarms = List.copyOf(alarms);
		pinned = List.copyOf(pinned);
		rows = List.copyOf(rows);
	}

	public int size() {
		return alarms.size() + pinned.size() + rows.size();
	}
}
