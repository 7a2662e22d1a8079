package org.ombud.conversations;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ombud.conversations.internal.DeliveryStore;
import org.springframework.stereotype.Service;

/** Reads and records how outbound messages travel on their channel. The outbox writes, the consoles read. */
@Service
public class MessageDeliveries {

	/** Longest delivery error kept; the channel's reason is cut to this. */
	public static final int MAX_ERROR = 500;

	private static final int MAX_EXTERNAL_ID = 128;

	private final DeliveryStore store;

	MessageDeliveries(DeliveryStore store) {
		this.store = store;
	}

	public Optional<MessageDelivery> delivery(long messageId) {
		return store.delivery(messageId);
	}

	/** The conversation's messages that travel on a channel or came from one (with the channel's id), by message id. */
	public Map<Long, MessageDelivery> deliveries(long conversationId) {
		return store.deliveries(conversationId)
			.stream()
			.collect(Collectors.toMap(MessageDelivery::messageId, Function.identity()));
	}

	/** A failed message goes back to pending; false when it had not failed (or someone else retried it first). */
	public boolean retrying(long messageId) {
		return store.transition(messageId, MessageDelivery.FAILED, MessageDelivery.PENDING);
	}

	public void pending(long messageId) {
		store.setState(messageId, MessageDelivery.PENDING, null, null);
	}

	/** Delivered; the channel's ids, comma separated when it was split into several. */
	public void sent(long messageId, List<String> externalIds) {
		store.setState(messageId, MessageDelivery.SENT, joined(externalIds), null);
	}

	/** The ids that fit the column, comma separated; the first one is the one replies point at. */
	static String joined(List<String> externalIds) {
		StringBuilder joined = new StringBuilder();
		for (String id : externalIds) {
			if (joined.length() + id.length() + 1 > MAX_EXTERNAL_ID) {
				break;
			}
			joined.append(joined.isEmpty() ? "" : ",").append(id);
		}
		return joined.isEmpty() ? null : joined.toString();
	}

	public void failed(long messageId, String reason) {
		String cut = reason == null ? null : reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason;
		store.setState(messageId, MessageDelivery.FAILED, null, cut);
	}
}
