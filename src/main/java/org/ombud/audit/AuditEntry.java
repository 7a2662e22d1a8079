package org.ombud.audit;

import java.time.Instant;

/** One line of the audit log, as stored; {@code seq} and the hashes are null until it is sealed into the chain. */
public record AuditEntry(long id, Instant occurredAt, String actorKind, Long actorId, String actorName, String action,
		String subjectType, String subjectId, String detail, String address, Long seq, String prevHash,
		String hash) {
}
