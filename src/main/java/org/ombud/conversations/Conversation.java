package org.ombud.conversations;

import java.time.Instant;

/**
 * One thread on one channel. {@code endpointKey} and {@code externalChatId} say where it lives on its channel
 * (e.g. a bot and a Telegram chat id); both are null for the form, the API and the hotline.
 */
public record Conversation(long id, String channel, long contactId, Long organisationId, Long teamId, String title,
		String endpointKey, String externalChatId, Instant createdAt, Instant lastMessageAt) {

	/** Whether replies are delivered on a channel rather than read on the status page or in the app. */
	public boolean deliveredOnChannel() {
		return endpointKey != null && externalChatId != null;
	}
}
