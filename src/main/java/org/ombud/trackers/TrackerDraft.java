package org.ombud.trackers;

/** What an admin enters for a tracker; a blank secret on a change keeps the one stored. */
public record TrackerDraft(String name, String url, String format, String target, String secret, boolean active) {
}
