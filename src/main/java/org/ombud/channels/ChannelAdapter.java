package org.ombud.channels;

import java.time.Duration;

/** Speaks one channel's protocol for outbound messages. One bean per channel; found by {@link #channel()}. */
public interface ChannelAdapter {

	/** The channel key, as stored on conversations (e.g. {@code telegram}). */
	String channel();

	/** One attempt; never throws for a channel's refusal, only returns it. */
	Delivery send(OutboundMessage message);

	/** The pace the channel allows: at most one message per {@code perChat} to a chat, {@code perEndpoint} a second per endpoint. */
	default Limits limits() {
		return new Limits(Duration.ZERO, Integer.MAX_VALUE);
	}

	record Limits(Duration perChat, int perEndpointPerSecond) {
	}
}
