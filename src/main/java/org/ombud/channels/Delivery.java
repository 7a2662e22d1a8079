package org.ombud.channels;

import java.time.Duration;
import java.util.List;

/** What one delivery attempt came to. */
public sealed interface Delivery {

	/** Delivered; the channel's ids of the message (several when it was split). */
	record Sent(List<String> externalIds) implements Delivery {
	}

	/** The channel asks us to wait before the next attempt (Telegram's 429 {@code retry_after}). */
	record RetryAfter(Duration delay) implements Delivery {
	}

	/** Not delivered; {@code permanent} when trying again cannot help (chat gone, bot blocked). */
	record Failed(String reason, boolean permanent) implements Delivery {
	}
}
