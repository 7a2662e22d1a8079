package org.ombud.audit;

import java.time.Instant;

/** What a compliance reader looks for; every part optional. {@code text} matches action, subject or detail. */
public record AuditFilter(String actor, String action, String subjectType, String subjectId, Instant from,
		Instant to) {

	public static AuditFilter all() {
		return new AuditFilter(null, null, null, null, null, null);
	}
}
