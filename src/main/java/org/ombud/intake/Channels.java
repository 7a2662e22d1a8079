package org.ombud.intake;

/** The channel keys a case can come in by. */
public final class Channels {

	public static final String WEBFORM = "webform";

	public static final String API = "api";

	public static final String PHONE = "phone";

	public static final String EMAIL = "email";

	private Channels() {
	}
}
