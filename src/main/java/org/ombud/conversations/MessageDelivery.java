package org.ombud.conversations;

/**
 * How an outbound message travels on its channel: {@code state} PENDING, SENT or FAILED (null when it is not
 * delivered on a channel), the channel's id of it once sent, why it failed, the message it answers, and its
 * per message options (null: the author's defaults).
 */
public record MessageDelivery(long messageId, long conversationId, String state, String externalId, String error,
		Long replyToMessageId, Boolean noLinkPreview, Boolean noTyping) {

	public static final String PENDING = "PENDING";

	public static final String SENT = "SENT";

	public static final String FAILED = "FAILED";
}
