package org.ombud.conversations;

/** An agent raised the alarm on a conversation: every agent on duty should look at it now. */
public record AlarmRaised(long conversationId, long agentId) {
}
