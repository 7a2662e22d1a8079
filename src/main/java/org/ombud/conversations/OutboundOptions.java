package org.ombud.conversations;

/**
 * Options of one outbound message: the message of the conversation it answers on the channel, and whether to
 * send it without link previews or without the "typing…" hint. A null option means the author's default.
 */
public record OutboundOptions(Long replyToMessageId, Boolean noLinkPreview, Boolean noTyping) {

	public static final OutboundOptions DEFAULTS = new OutboundOptions(null, null, null);
}
