package org.ombud.conversations;

/** What people wrote in a conversation was erased (retention or a person's request); copies elsewhere follow. */
public record ConversationErased(long conversationId) {
}
