package org.ombud.cases;

import java.time.Instant;

/** A stored evidence file; {@code contentType} is what its bytes are, not what the sender claimed. */
public record Evidence(long id, long caseId, Long messageId, String fileName, String contentType, long sizeBytes,
		String sha256, Instant createdAt) {

	public boolean isImage() {
		return contentType.startsWith("image/");
	}
}
