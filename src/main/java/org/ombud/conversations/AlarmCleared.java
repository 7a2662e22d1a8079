package org.ombud.conversations;

/**
 * The alarm on a conversation is over: an agent cleared it ({@code answerMessageId} null) or one of our people
 * answered the contact ({@code agentId} null when that was not an agent).
 */
public record AlarmCleared(long conversationId, Long agentId, Long answerMessageId) {
}
