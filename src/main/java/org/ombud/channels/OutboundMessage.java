package org.ombud.channels;

import java.util.List;

/**
 * One message to send on a channel. {@code endpointKey} names the configured endpoint (e.g. one bot),
 * {@code chatId} the chat on it; {@code replyToExternalId} makes it a reply to that message of the chat.
 * {@code keyboard} holds rows of buttons, where the channel has them.
 */
public record OutboundMessage(long deliveryId, String channel, String endpointKey, String chatId, String text,
		String replyToExternalId, boolean noLinkPreview, boolean noTyping, List<List<Button>> keyboard) {

	public OutboundMessage {
		keyboard = keyboard == null ? List.of() : List.copyOf(keyboard);
	}

	/** A button that answers with {@code data} when pressed. */
	public record Button(String text, String data) {
	}
}
