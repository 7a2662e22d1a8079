package org.ombud.trackers;

import java.time.Instant;

/** One task sent to a tracker and how its delivery went (PENDING, SENDING, SENT, FAILED). */
public record TrackerDelivery(long id, String state, int attempts, String externalId, String error,
		Instant createdAt, Instant finishedAt) {
}
