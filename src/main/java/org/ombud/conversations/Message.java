package org.ombud.conversations;

import java.time.Instant;

public record Message(long id, long conversationId, MessageKind kind, Long authorAgentId, String body,
		Instant createdAt) {
}
