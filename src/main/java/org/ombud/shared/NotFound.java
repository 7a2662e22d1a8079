package org.ombud.shared;

/** Thrown when something asked for by id or number does not exist (or may not be seen). */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what + " not found");
	}
}
