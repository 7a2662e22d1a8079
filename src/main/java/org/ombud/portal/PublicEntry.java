package org.ombud.portal;

/**
 * One line of the status page's timeline, ready to show. {@code kind} is {@code opened}, {@code status},
 * {@code message} (the person wrote), {@code reply} (we wrote) or {@code evidence} (the person sent a file).
 */
record PublicEntry(String kind, String when, String isoTime, String text, Long evidenceId) {
}
