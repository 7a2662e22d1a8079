package org.ombud.conversations;

import java.time.Instant;

/** One earlier text of an edited message, and when it was replaced. */
public record MessageEdit(long messageId, String oldBody, Instant editedAt) {
}
