package org.ombud.trackers;

import java.time.Instant;

/**
 * A configured tracker. {@code target} is Jira's project key or Bitrix24's responsible user id (unused for the
 * generic format). The secret is never part of it: only whether one is set.
 */
public record Tracker(long id, String name, String url, TrackerFormat format, String target, boolean active,
		Instant createdAt) {
}
