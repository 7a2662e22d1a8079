package org.ombud.outbox;

import java.util.List;

import org.ombud.channels.OutboundMessage.Button;

/**
 * One message to deliver. {@code messageId} is the stored message it delivers (null for automatic notices that
 * are not messages of the conversation); {@code replyToExternalId} makes it a reply on the channel.
 */
public record Outgoing(Long messageId, String channel, String endpointKey, String chatId, String text,
		String replyToExternalId, boolean noLinkPreview, boolean noTyping, List<List<Button>> keyboard) {

	public Outgoing {
		keyboard = keyboard == null ? List.of() : List.copyOf(keyboard);
	}
}
