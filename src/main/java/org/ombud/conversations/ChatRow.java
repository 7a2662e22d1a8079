package org.ombud.conversations;

import java.time.Instant;

/**
 * One conversation as a line of an agent's chat list: who it is with, the last message, how long the contact
 * has waited for an answer, who works it, its alarm, and the agent's own marks (pin, star, unread).
 * {@code assigneeId} is the open case's assignee, else the conversation's own.
 */
public record ChatRow(long id, String channel, String title, Long organisationId, String organisationName,
		String contactName, String snippet, boolean lastFromUs, Instant listAt, Instant lastMessageAt,
		Instant waitingSince, Long teamId, Long openCaseId, Long assigneeId, boolean listed, Instant alarmAt,
		Long alarmBy, Integer pinPosition, boolean starred, boolean unread) {

	/** A client organisation's group chat. */
	public boolean group() {
		return organisationId != null;
	}

	public boolean pinned() {
		return pinPosition != null;
	}

	public boolean alarmed() {
		return alarmAt != null;
	}

	/** The organisation for a group chat, else the contact's name, else the conversation's title. */
	public String name() {
		if (organisationName != null) {
			return organisationName;
		}
		if (contactName != null && !contactName.isBlank()) {
			return contactName;
		}
		return title;
	}
}
