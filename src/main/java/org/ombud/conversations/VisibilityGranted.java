package org.ombud.conversations;

import java.time.Instant;

/** An agent was given visibility of a conversation (until {@code expiresAt}, or until revoked when null). */
public record VisibilityGranted(long grantId, long conversationId, long granteeId, long grantedBy, Instant expiresAt) {
}
