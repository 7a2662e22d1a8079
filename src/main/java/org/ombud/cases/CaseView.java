package org.ombud.cases;

import java.time.Instant;

/** A case as every reader sees it. */
public record CaseView(long id, String number, CaseStatus status, Priority priority, String channel,
		long categoryId, Long subcategoryId, long teamId, Long assigneeId, String subject, String reportedObject,
		String locale, long contactId, long conversationId, Instant createdAt, Instant updatedAt,
		Instant resolvedAt, Instant closedAt) {
}
