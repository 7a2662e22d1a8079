package org.ombud.identity;

/** An agent's defaults for what they send on a channel: no link previews, no "typing…" hint. */
public record OutboundDefaults(boolean noLinkPreview, boolean noTyping) {

	public static final OutboundDefaults NONE = new OutboundDefaults(false, false);
}
