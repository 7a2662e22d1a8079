package org.ombud.shared;

import java.util.List;

/**
 * Why a command was refused: a message key (resolved in the user's language by the web layer),
 * the field it concerns (or {@code null} for the whole request) and the arguments of the message.
 */
public record Rejection(String field, String messageKey, List<Object> args) {

	public Rejection {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public static Rejection of(String field, String messageKey, Object... args) {
		return new Rejection(field, messageKey, List.of(args));
	}
}
