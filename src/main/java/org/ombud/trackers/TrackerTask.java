package org.ombud.trackers;

import java.time.Instant;

/**
 * A client's message sent as a task: a title, the message quoted with who wrote it and when, the case it
 * belongs to (may be null) and a link back to it in the console.
 */
public record TrackerTask(String title, String quote, String author, Instant writtenAt, String caseNumber,
		String link) {
}
