package org.ombud.conversations;

/** One of our people wrote to the contact in a conversation (an outbound message was stored). */
public record MessageSent(long conversationId, long messageId, Long authorAgentId) {
}
