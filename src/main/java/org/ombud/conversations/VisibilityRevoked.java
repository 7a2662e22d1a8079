package org.ombud.conversations;

/** A grant of visibility ended before its time. */
public record VisibilityRevoked(long grantId, long conversationId, long granteeId, long revokedBy) {
}
