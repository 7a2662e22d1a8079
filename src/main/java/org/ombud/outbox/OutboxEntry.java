package org.ombud.outbox;

import java.time.Instant;

/** One queued delivery as an admin page lists it; the body is not part of it. */
public record OutboxEntry(long id, String channel, String endpointKey, String state, int attempts,
		String externalIds, String error, Instant createdAt, Instant finishedAt) {
}
