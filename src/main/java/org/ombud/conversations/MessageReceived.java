package org.ombud.conversations;

/** A contact's message was stored in a conversation. */
public record MessageReceived(long conversationId, long messageId) {
}
