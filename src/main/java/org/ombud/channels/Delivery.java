package org.ombud.channels;

import java.time.Duration;
import java.util.List;

/**
 * What one delivery attempt came to. An adapter that cannot tell whether the channel took the message (a
 * timeout after the request went out, a connection lost before the answer) throws instead: the outbox never
 * sends such a message again by itself, it records the unclear outcome for an agent to decide (see the outbox
 * section of docs/ARCHITECTURE.md). {@link Failed} with {@code permanent == false} promises that the channel did
 * not take the message, so it is safe to try again.
 */
public sealed interface Delivery {

	/** Delivered; the channel's ids of the message (several when it was split). */
	record Sent(List<String> externalIds) implements Delivery {
	}

	/**
	 * The channel asks us to wait before the next attempt (Telegram's 429 {@code retry_after}): the chat waits,
	 * or the whole endpoint when {@code wholeEndpoint} (the channel said the limit is the bot's, not the chat's).
	 */
	record RetryAfter(Duration delay, boolean wholeEndpoint) implements Delivery {

		/** Only this chat waits. */
		public RetryAfter(Duration delay) {
			this(delay, false);
		}
	}

	/** Not delivered; {@code permanent} when trying again cannot help (chat gone, bot blocked). */
	record Failed(String reason, boolean permanent) implements Delivery {
	}
}
