package org.ombud.conversations;

import java.time.Instant;

/** Visibility of one conversation given to a colleague; active while not revoked and not past its expiry. */
public record Grant(long id, long conversationId, long granteeId, long grantedBy, Instant grantedAt,
		Instant expiresAt, String note, Instant revokedAt, Long revokedBy) {

	public boolean activeAt(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}
}
