package org.ombud.shared;

import java.util.List;

/**
 * Thrown when a domain rule refuses a command. Unchecked so that the surrounding transaction rolls
 * back and nothing of the refused command is stored.
 */
public class Rejected extends RuntimeException {

	private final List<Rejection> rejections;

	public Rejected(List<Rejection> rejections) {
		super(rejections.stream().map(r -> (r.field() == null ? "" : r.field() + ": ") + r.messageKey()).toList().toString());
		this.rejections = List.copyOf(rejections);
	}

	public Rejected(Rejection rejection) {
		this(List.of(rejection));
	}

	public static Rejected of(String field, String messageKey, Object... args) {
		return new Rejected(Rejection.of(field, messageKey, args));
	}

	public List<Rejection> rejections() {
		return rejections;
	}
}
