package org.ombud.contacts;

/** Who a contact is on one channel: an e-mail address, a phone number, a platform user id, a Telegram id. */
public record ChannelIdentity(String channel, String externalId) {

	public static final String EMAIL = "email";

	public static final String PHONE = "phone";

	public static final String PLATFORM = "platform";
}
