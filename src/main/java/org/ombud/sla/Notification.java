package org.ombud.sla;

import java.time.Instant;

/** Something an agent was told: for now, a breach escalated to them as their team's lead. */
public record Notification(long id, String kind, ClockView.Stage stage, Long caseId, Long conversationId,
		Instant createdAt, Instant readAt) {

	public static final String SLA_BREACH = "SLA_BREACH";

	public boolean unread() {
		return readAt == null;
	}
}
