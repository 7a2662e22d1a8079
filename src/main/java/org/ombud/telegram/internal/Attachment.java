package org.ombud.telegram.internal;

import java.util.List;

/**
 * A file of a message, fetched before the update's transaction: its bytes, or why there are none
 * ({@code refusalKey}: too big to fetch, could not be fetched) with the message arguments.
 */
record Attachment(String fileName, byte[] bytes, String refusalKey, List<Object> args) {

	static Attachment of(String fileName, byte[] bytes) {
		return new Attachment(fileName, bytes, null, List.of());
	}

	static Attachment refused(String fileName, String key, Object... args) {
		return new Attachment(fileName, null, key, List.of(args));
	}

	boolean fetched() {
		return bytes != null;
	}
}
